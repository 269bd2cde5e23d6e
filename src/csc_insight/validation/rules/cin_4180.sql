/*
code: "4180"
return: cin_census
message: Gender is missing
severity: error
fields: [GenderCurrent]
requires: [children.sex]
note: >
  The reader keeps GenderCurrent 1 as M, 2 as F and 0 or 9 as U, and blanks anything else,
  so a missing or bad code fails here as a blank.
tests:
  pass:
    children: [{child_id: A, sex: U}]
  fail:
    children: [{child_id: A, sex: F}, {child_id: B}]
  fails: [children.csv:3]
*/
SELECT child_id, source_ref, sex
FROM children
WHERE source = 'cin_census' AND sex IS NULL
