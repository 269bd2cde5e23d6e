/*
code: "147"
return: ssda903
message: Date episode ceased is not a valid date.
severity: error
fields: [DEC]
requires: [cla_episodes.child_id]
note: >
  The reader sets a row with an impossible date aside (quarantine, problem bad_date): the
  rule reads those rows back with the value the file gave. The reader also accepts ISO
  dates (yyyy-mm-dd), which the reference, wanting dd/mm/yyyy, would flag.
tests:
  pass:
    quarantine:
      - {file: episodes.csv, row_number: 2, target: cla_episodes, column_name: DEC, value: "", problem: missing_value, child_id: A}
  fail:
    quarantine:
      - {file: episodes.csv, row_number: 2, target: cla_episodes, column_name: DEC, value: 31/02/2020, problem: bad_date, child_id: A}
      - {file: episodes.csv, row_number: 4, target: cla_episodes, column_name: DEC, value: "", problem: missing_value, child_id: B}
      - {file: a.xlsx, sheet: List 8, row_number: 5, target: cla_episodes, column_name: Other, value: 31/02/2020, problem: bad_date, child_id: C}
  fails: [episodes.csv:2]
*/
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value AS dec
FROM quarantine
WHERE target = 'cla_episodes' AND column_name = 'DEC' AND problem IN ('bad_date')
