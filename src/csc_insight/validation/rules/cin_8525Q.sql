/*
code: "8525Q"
return: cin_census
message: Either Date of Birth or Expected Date of Birth must be provided (but not both)
severity: query
fields: [PersonBirthDate, ExpectedPersonBirthDate]
requires: [children.child_id]
note: >
  Children whose merged row comes from the CIN census (a child also in other returns keeps
  the census's row).
tests:
  pass:
    children: [{child_id: A, dob: 2015-01-01}, {child_id: B, expected_dob: 2023-05-01}]
  fail:
    children:
      - {child_id: A, dob: 2015-01-01}
      - {child_id: B, dob: 2023-05-01, expected_dob: 2023-05-01}
      - {child_id: C}
      - {child_id: D, source: ssda903}
  fails: [children.csv:3, children.csv:4]
*/
SELECT child_id, source_ref, dob, expected_dob
FROM children
WHERE source = 'cin_census' AND (dob IS NULL) = (expected_dob IS NULL)
