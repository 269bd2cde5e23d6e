/*
code: "565"
return: ssda903
message: "The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed."
severity: error
fields: [MISSING, MIS_START]
requires: [missing_episodes.start_date]
note: >
  The reader sets a Missing row without MISSING aside (quarantine, problem missing_value);
  the rule reads back those with MIS_START completed.
tests:
  pass:
    quarantine:
      - {file: missing.csv, row_number: 2, target: missing_episodes, column_name: MISSING, value: "", problem: missing_value, child_id: A, raw: '{"MIS_START": ""}'}
  fail:
    quarantine:
      - {file: missing.csv, row_number: 2, target: missing_episodes, column_name: MISSING, value: "", problem: missing_value, child_id: A, raw: '{"MIS_START": "01/06/2022"}'}
      - {file: missing.csv, row_number: 3, target: missing_episodes, column_name: MISSING, value: "", problem: missing_value, child_id: B, raw: '{"MIS_START": null}'}
      - {file: missing.csv, row_number: 4, target: missing_episodes, column_name: MIS_START, value: "", problem: missing_value, child_id: C, raw: '{"MIS_START": "01/06/2022"}'}
  fails: [missing.csv:2]
*/
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       raw->>'MIS_START' AS mis_start
FROM quarantine
WHERE target = 'missing_episodes' AND column_name = 'MISSING' AND problem IN ('missing_value')
  AND NULLIF(trim(raw->>'MIS_START'), '') IS NOT NULL
