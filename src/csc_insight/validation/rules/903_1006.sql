/*
code: "1006"
return: ssda903
message: Missing type invalid.
severity: error
fields: [MISSING]
requires: [missing_episodes.missing_type]
note: >
  The reader sets a row with a code outside its list aside (quarantine, problem
  unknown_code): the rule reads those rows back with the value the file gave, as well as
  checking the codes the reader keeps. A blank passes, as in the reference.
tests:
  pass:
    missing_episodes: [{child_id: A, missing_type: M, start_date: 2022-06-01}]
  fail:
    missing_episodes: [{child_id: A, missing_type: A, start_date: 2022-06-01}]
    quarantine:
      - {file: missing.csv, row_number: 3, target: missing_episodes, column_name: MISSING, value: X, problem: unknown_code, child_id: B}
  fails: [missing.csv:3]
*/
SELECT child_id, source_ref, missing_type
FROM missing_episodes
WHERE source = 'ssda903' AND missing_type NOT IN ('M', 'A')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'missing_episodes' AND column_name = 'MISSING' AND problem IN ('unknown_code')
