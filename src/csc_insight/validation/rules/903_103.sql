/*
code: "103"
return: ssda903
message: The ethnicity code is either not valid or has not been entered.
severity: error
fields: [ETHNIC]
requires: [children.ethnicity]
differs_from_reference: >
  Only children whose merged row comes from the SSDA903 are checked: a child also in the
  CIN census keeps the census's row (store/merge.py).
tests:
  pass:
    children: [{child_id: A, ethnicity: WBRI}]
  fail:
    children: [{child_id: A, ethnicity: NOBT}, {child_id: B}, {child_id: C, ethnicity: WHIT}]
    quarantine:
      - {file: header.csv, row_number: 9, target: children, column_name: ETHNIC, value: XXXX, problem: unknown_code, child_id: D, raw: '{"ETHNIC": "XXXX", "UPN": null}'}
  fails: [children.csv:3, children.csv:4, header.csv:9]
*/
SELECT child_id, source_ref, ethnicity
FROM children
WHERE source = 'ssda903'
  AND (ethnicity IS NULL OR ethnicity NOT IN ('WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC',
    'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE',
    'OOTH', 'REFU', 'NOBT'))
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'children' AND column_name = 'ETHNIC' AND problem IN ('unknown_code')
  AND json_exists(raw, '$.UPN')
