/*
code: "115"
return: ssda903
message: "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date."
severity: error
fields: [DATE_PLACED]
requires: [adoption.child_id]
note: >
  The reader sets a row with an impossible date aside (quarantine, problem bad_date): the
  rule reads those rows back with the value the file gave. The reader also accepts ISO
  dates (yyyy-mm-dd), which the reference, wanting dd/mm/yyyy, would flag.
tests:
  pass:
    quarantine:
      - {file: placed_adoption.csv, row_number: 2, target: adoption, column_name: DATE_PLACED, value: "", problem: missing_value, child_id: A}
  fail:
    quarantine:
      - {file: placed_adoption.csv, row_number: 2, target: adoption, column_name: DATE_PLACED, value: 31/02/2020, problem: bad_date, child_id: A}
      - {file: placed_adoption.csv, row_number: 4, target: adoption, column_name: DATE_PLACED, value: "", problem: missing_value, child_id: B}
      - {file: a.xlsx, sheet: List 8, row_number: 5, target: adoption, column_name: Other, value: 31/02/2020, problem: bad_date, child_id: C}
  fails: [placed_adoption.csv:2]
*/
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value AS date_placed
FROM quarantine
WHERE target = 'adoption' AND column_name = 'DATE_PLACED' AND problem IN ('bad_date')
