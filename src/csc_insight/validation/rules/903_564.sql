/*
code: "564"
return: ssda903
message: Child was missing or away from placement without authorisation and the date started is blank.
severity: error
fields: [MISSING, MIS_START]
requires: [missing_episodes.start_date]
note: >
  The reader sets a Missing row without MIS_START aside (quarantine, problem
  missing_value); the rule reads back those with a MISSING code.
tests:
  pass:
    quarantine:
      - {file: missing.csv, row_number: 2, target: missing_episodes, column_name: MIS_START, value: "", problem: missing_value, child_id: A, raw: '{"MISSING": ""}'}
  fail:
    quarantine:
      - {file: missing.csv, row_number: 2, target: missing_episodes, column_name: MIS_START, value: "", problem: missing_value, child_id: A, raw: '{"MISSING": "M"}'}
      - {file: missing.csv, row_number: 3, target: missing_episodes, column_name: MIS_START, value: "", problem: missing_value, child_id: B, raw: '{"MISSING": "a"}'}
      - {file: missing.csv, row_number: 4, target: missing_episodes, column_name: MIS_START, value: "", problem: missing_value, child_id: C, raw: '{"MISSING": null}'}
  fails: [missing.csv:2, missing.csv:3]
*/
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       raw->>'MISSING' AS missing
FROM quarantine
WHERE target = 'missing_episodes' AND column_name = 'MIS_START' AND problem IN ('missing_value')
  AND upper(raw->>'MISSING') IN ('M', 'A')
