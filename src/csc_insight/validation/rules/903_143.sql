/*
code: "143"
return: ssda903
message: The reason for new episode code is not a valid code.
severity: error
fields: [RNE]
requires: [cla_episodes.rne]
note: >
  The reader sets a row with a code outside its list aside (quarantine, problem
  unknown_code): the rule reads those rows back with the value the file gave, as well as
  checking the codes the reader keeps. A blank passes, as in the reference. X is read (an
  older code) but is not in the DfE's list.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, rne: S}, {child_id: B, decom: 2022-06-01}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, rne: S}
      - {child_id: B, decom: 2022-06-01}
      - {child_id: C, decom: 2022-08-01, rne: X}
    quarantine:
      - {file: episodes.csv, row_number: 9, target: cla_episodes, column_name: RNE, value: Q9, problem: unknown_code, child_id: D}
      - {file: episodes.csv, row_number: 10, target: cla_episodes, column_name: DEC, value: Q9, problem: bad_date, child_id: E}
  fails: [cla_episodes.csv:4, episodes.csv:9]
*/
SELECT child_id, source_ref, rne
FROM cla_episodes
WHERE source = 'ssda903' AND rne NOT IN ('S', 'P', 'L', 'T', 'U', 'B')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'cla_episodes' AND column_name = 'RNE' AND problem IN ('unknown_code')
