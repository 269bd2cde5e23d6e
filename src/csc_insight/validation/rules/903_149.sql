/*
code: "149"
return: ssda903
message: "Reason episode ceased code is not valid. "
severity: error
fields: [REC]
requires: [cla_episodes.rec]
note: >
  The reader sets a row with a code outside its list aside (quarantine, problem
  unknown_code): the rule reads those rows back with the value the file gave, as well as
  checking the codes the reader keeps. A blank passes, as in the reference.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, rec: E11}, {child_id: B, decom: 2022-06-01}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, rec: E11}
      - {child_id: B, decom: 2022-06-01}
    quarantine:
      - {file: episodes.csv, row_number: 9, target: cla_episodes, column_name: REC, value: Q9, problem: unknown_code, child_id: D}
      - {file: episodes.csv, row_number: 10, target: cla_episodes, column_name: DEC, value: Q9, problem: bad_date, child_id: E}
  fails: [episodes.csv:9]
*/
SELECT child_id, source_ref, rec
FROM cla_episodes
WHERE source = 'ssda903' AND rec NOT IN ('E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48',
    'E5', 'E6', 'E7', 'E8', 'E9', 'E14', 'E15', 'E16', 'E17', 'X1')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'cla_episodes' AND column_name = 'REC' AND problem IN ('unknown_code')
