/*
code: "8870Q"
return: cin_census
message: "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend"
severity: query
fields: [InitialCPCtarget]
requires: [s47_enquiries.icpc_target_date]
differs_from_reference: >
  The reference (csc-validator-be-cin 2022-23) reads InitialCPCtarget as dd-mm-yyyy, so
  the census's yyyy-mm-dd dates are never read and it never flags one (found by
  test_parity_cin); here a target date on a Saturday or Sunday is flagged.
tests:
  pass:
    s47_enquiries: [{s47_id: S1, child_id: A, start_date: 2022-05-03, icpc_target_date: 2022-05-20}]
  fail:
    s47_enquiries:
      - {s47_id: S1, child_id: A, start_date: 2022-05-03, icpc_target_date: 2022-05-20}
      - {s47_id: S2, child_id: B, start_date: 2022-05-03, icpc_target_date: 2022-05-21}
      - {s47_id: S3, child_id: C, start_date: 2022-05-03, icpc_target_date: 2022-05-22}
  fails: [s47_enquiries.csv:3, s47_enquiries.csv:4]
*/
SELECT child_id, source_ref, icpc_target_date
FROM s47_enquiries
WHERE source = 'cin_census' AND isodow(icpc_target_date) IN (6, 7)
