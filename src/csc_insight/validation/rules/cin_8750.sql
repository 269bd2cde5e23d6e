/*
code: "8750"
return: cin_census
message: Gender must equal 0 for an unborn child
severity: error
fields: [GenderCurrent, PersonBirthDate, ExpectedPersonBirthDate]
requires: [children.expected_dob]
differs_from_reference: >
  The reader keeps GenderCurrent 0 (not known) and 9 (not specified) both as U, so an
  unborn child recorded 9 passes here; the reference wants 0.
tests:
  pass:
    children: [{child_id: A, expected_dob: 2023-05-01, sex: U}]
  fail:
    children:
      - {child_id: A, expected_dob: 2023-05-01, sex: U}
      - {child_id: B, expected_dob: 2023-05-01, sex: F}
      - {child_id: C, expected_dob: 2023-05-01}
      - {child_id: D, dob: 2023-05-01, expected_dob: 2023-05-01, sex: F}
  fails: [children.csv:3, children.csv:4]
*/
SELECT child_id, source_ref, expected_dob, sex
FROM children
WHERE source = 'cin_census' AND dob IS NULL AND expected_dob IS NOT NULL
  AND sex IS DISTINCT FROM 'U'
