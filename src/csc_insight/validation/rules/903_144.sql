/*
code: "144"
return: ssda903
message: The legal status code is not a valid code.
severity: error
fields: [LS]
requires: [cla_episodes.ls]
note: >
  The reader sets a row with a code outside its list aside (quarantine, problem
  unknown_code): the rule reads those rows back with the value the file gave, as well as
  checking the codes the reader keeps. A blank passes, as in the reference.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, ls: C2}, {child_id: B, decom: 2022-06-01}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: C2}
      - {child_id: B, decom: 2022-06-01}
    quarantine:
      - {file: episodes.csv, row_number: 9, target: cla_episodes, column_name: LS, value: Q9, problem: unknown_code, child_id: D}
      - {file: episodes.csv, row_number: 10, target: cla_episodes, column_name: DEC, value: Q9, problem: bad_date, child_id: E}
  fails: [episodes.csv:9]
*/
SELECT child_id, source_ref, ls
FROM cla_episodes
WHERE source = 'ssda903' AND ls NOT IN ('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'cla_episodes' AND column_name = 'LS' AND problem IN ('unknown_code')
