/*
code: "8875"
return: cin_census
message: The Date of Initial Child Protection Conference cannot be a weekend
severity: error
fields: [DateOfInitialCPC]
requires: [s47_enquiries.icpc_date]
note: >
  An ICPC recorded on the episode (CINdetails) is one of its enquiries here, so it is
  checked too.
tests:
  pass:
    s47_enquiries: [{s47_id: S1, child_id: A, start_date: 2022-05-03, icpc_date: 2022-05-20}]
  fail:
    s47_enquiries:
      - {s47_id: S1, child_id: A, start_date: 2022-05-03, icpc_date: 2022-05-20}
      - {s47_id: S2, child_id: B, start_date: 2022-05-03, icpc_date: 2022-05-21}
      - {s47_id: S3, child_id: C, icpc_date: 2022-05-22}
  fails: [s47_enquiries.csv:3, s47_enquiries.csv:4]
*/
SELECT child_id, source_ref, icpc_date
FROM s47_enquiries
WHERE source = 'cin_census' AND isodow(icpc_date) IN (6, 7)
