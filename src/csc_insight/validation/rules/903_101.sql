/*
code: "101"
return: ssda903
message: Gender code is not valid.
severity: error
fields: [SEX]
requires: [children.sex]
differs_from_reference: >
  The reader keeps SEX 1 as M and 2 as F; anything else (a code outside the list is blanked
  on the way in) fails. Only children whose merged row comes from the SSDA903 are checked:
  a child also in the CIN census keeps the census's row (store/merge.py).
tests:
  pass:
    children: [{child_id: A, sex: F}]
  fail:
    children: [{child_id: A, sex: M}, {child_id: B, sex: U}, {child_id: C}]
  fails: [children.csv:3, children.csv:4]
*/
SELECT child_id, source_ref, sex
FROM children
WHERE source = 'ssda903' AND (sex IS NULL OR sex NOT IN ('M', 'F'))
