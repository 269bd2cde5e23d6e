/*
code: "8615"
return: cin_census
message: Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference
severity: error
fields: [S47ActualStartDate, DateOfInitialCPC]
requires: [s47_enquiries.start_date]
differs_from_reference: >
  Only the order of the dates is checked. The reader keeps an ICPC recorded on a CINdetails
  with no Section47 of its date as an s47_enquiries row with no start date
  (formats/cin_census.py), so a blank start date cannot be told from that here.
tests:
  pass:
    s47_enquiries: [{s47_id: S1, child_id: A, start_date: 2022-05-01, icpc_date: 2022-05-01}]
  fail:
    s47_enquiries:
      - {s47_id: S1, child_id: A, start_date: 2022-05-02, icpc_date: 2022-05-01}
      - {s47_id: S2, child_id: B, icpc_date: 2022-05-01}
  fails: [s47_enquiries.csv:2]
*/
SELECT child_id, source_ref, start_date, icpc_date
FROM s47_enquiries
WHERE source = 'cin_census' AND start_date > icpc_date
