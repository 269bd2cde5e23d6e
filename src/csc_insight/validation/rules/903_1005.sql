/*
code: "1005"
return: ssda903
message: The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.
severity: error
fields: [MIS_END]
requires: [missing_episodes.child_id]
note: >
  The reader sets a row with an impossible date aside (quarantine, problem bad_date): the
  rule reads those rows back with the value the file gave. The reader also accepts ISO
  dates (yyyy-mm-dd), which the reference, wanting dd/mm/yyyy, would flag.
tests:
  pass:
    quarantine:
      - {file: missing.csv, row_number: 2, target: missing_episodes, column_name: MIS_END, value: "", problem: missing_value, child_id: A}
  fail:
    quarantine:
      - {file: missing.csv, row_number: 2, target: missing_episodes, column_name: MIS_END, value: 31/02/2020, problem: bad_date, child_id: A}
      - {file: missing.csv, row_number: 4, target: missing_episodes, column_name: MIS_END, value: "", problem: missing_value, child_id: B}
      - {file: a.xlsx, sheet: List 8, row_number: 5, target: missing_episodes, column_name: Other, value: 31/02/2020, problem: bad_date, child_id: C}
  fails: [missing.csv:2]
*/
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value AS mis_end
FROM quarantine
WHERE target = 'missing_episodes' AND column_name = 'MIS_END' AND problem IN ('bad_date')
