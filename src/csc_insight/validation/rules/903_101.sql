/*
code: "101"
return: ssda903
message: Gender code is not valid.
severity: error
fields: [SEX]
requires: [children.sex]
differs_from_reference: >
  The reader keeps SEX 1 as M and 2 as F; anything else fails (a Header row with a code
  outside the reader's list is set aside, problem unknown_code, and read back here). Only children whose merged row comes from the SSDA903 are checked:
  a child also in the CIN census keeps the census's row (store/merge.py).
tests:
  pass:
    children: [{child_id: A, sex: F}]
  fail:
    children: [{child_id: A, sex: M}, {child_id: B, sex: U}, {child_id: C}]
    quarantine:
      - {file: header.csv, row_number: 9, target: children, column_name: SEX, value: "3", problem: unknown_code, child_id: D, raw: '{"SEX": "3", "UPN": null}'}
      - {file: uasc.csv, row_number: 9, target: children, column_name: SEX, value: "3", problem: unknown_code, child_id: E, raw: '{"SEX": "3", "DUC": null}'}
  fails: [children.csv:3, children.csv:4, header.csv:9]
*/
SELECT child_id, source_ref, sex
FROM children
WHERE source = 'ssda903' AND (sex IS NULL OR sex NOT IN ('M', 'F'))
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'children' AND column_name = 'SEX' AND problem IN ('unknown_code')
  AND json_exists(raw, '$.UPN')
