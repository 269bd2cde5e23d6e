/*
code: "1004"
return: ssda903
message: The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.
severity: error
fields: [MIS_START]
requires: [missing_episodes.child_id]
note: >
  The reader sets a row with a missing or impossible date aside (quarantine, problem
  missing_value or bad_date): the rule reads those rows back with the value the file gave.
  The reader also accepts ISO dates (yyyy-mm-dd), which the reference, wanting dd/mm/yyyy,
  would flag.
tests:
  pass:
    quarantine:
      - {file: missing.csv, row_number: 2, target: missing_episodes, column_name: Other, value: 31/02/2020, problem: bad_date, child_id: A}
  fail:
    quarantine:
      - {file: missing.csv, row_number: 2, target: missing_episodes, column_name: MIS_START, value: 31/02/2020, problem: bad_date, child_id: A}
      - {file: missing.csv, row_number: 4, target: missing_episodes, column_name: MIS_START, value: "", problem: missing_value, child_id: B}
      - {file: missing.csv, row_number: 5, target: missing_episodes, column_name: MIS_START, value: X, problem: orphan, child_id: C}
  fails: [missing.csv:2, missing.csv:4]
*/
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value AS mis_start
FROM quarantine
WHERE target = 'missing_episodes' AND column_name = 'MIS_START' AND problem IN ('bad_date', 'missing_value')
