/*
code: "102"
return: ssda903
message: Date of birth is not a valid date.
severity: error
fields: [DOB]
requires: [children.dob]
note: >
  A blank DOB stays blank (children.dob NULL); an impossible one sets the Header row aside
  (quarantine, problem bad_date), read back here with the value the file gave. A child
  whose UASC row, not Header, gave the blank date of birth is flagged too. The reader also
  accepts ISO dates (yyyy-mm-dd), which the reference, wanting dd/mm/yyyy, would flag.
tests:
  pass:
    children: [{child_id: A, dob: 2010-01-01}]
    quarantine:
      - {file: uasc.csv, row_number: 2, target: children, column_name: DOB, value: 31/02/2020, problem: bad_date, child_id: B, raw: '{"CHILD": "B", "DOB": "31/02/2020", "DUC": null}'}
  fail:
    children:
      - {child_id: A, dob: 2010-01-01}
      - {child_id: B}
      - {child_id: C, source: cin_census}
    quarantine:
      - {file: header.csv, row_number: 7, target: children, column_name: DOB, value: 31/02/2020, problem: bad_date, child_id: D, raw: '{"CHILD": "D", "DOB": "31/02/2020", "ETHNIC": "WBRI"}'}
  fails: [children.csv:3, header.csv:7]
*/
SELECT child_id, source_ref, CAST(dob AS VARCHAR) AS dob
FROM children
WHERE source = 'ssda903' AND dob IS NULL
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'children' AND column_name = 'DOB' AND problem IN ('bad_date')
  AND json_exists(raw, '$.ETHNIC')
