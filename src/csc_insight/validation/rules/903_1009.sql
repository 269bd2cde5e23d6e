/*
code: "1009"
return: ssda903
message: Reason for placement change is not a valid code.
severity: error
fields: [REASON_PLACE_CHANGE]
requires: [cla_episodes.reason_place_change]
note: >
  The reader sets a row with a code outside its list aside (quarantine, problem
  unknown_code): the rule reads those rows back with the value the file gave, as well as
  checking the codes the reader keeps. A blank passes, as in the reference.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, reason_place_change: CARPL}, {child_id: B, decom: 2022-06-01}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, reason_place_change: CARPL}
      - {child_id: B, decom: 2022-06-01}
    quarantine:
      - {file: episodes.csv, row_number: 9, target: cla_episodes, column_name: REASON_PLACE_CHANGE, value: Q9, problem: unknown_code, child_id: D}
      - {file: episodes.csv, row_number: 10, target: cla_episodes, column_name: DEC, value: Q9, problem: bad_date, child_id: E}
  fails: [episodes.csv:9]
*/
SELECT child_id, source_ref, reason_place_change
FROM cla_episodes
WHERE source = 'ssda903' AND reason_place_change NOT IN ('CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ',
    'PLACE', 'CUSTOD', 'OTHER')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'cla_episodes' AND column_name = 'REASON_PLACE_CHANGE' AND problem IN ('unknown_code')
