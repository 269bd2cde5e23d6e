/*
code: "146"
return: ssda903
message: Placement type code is not a valid code.
severity: error
fields: [PLACE]
requires: [cla_episodes.place]
note: >
  The reader sets a row with a code outside its list aside (quarantine, problem
  unknown_code): the rule reads those rows back with the value the file gave, as well as
  checking the codes the reader keeps. A blank passes, as in the reference.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: U1}, {child_id: B, decom: 2022-06-01}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: U1}
      - {child_id: B, decom: 2022-06-01}
    quarantine:
      - {file: episodes.csv, row_number: 9, target: cla_episodes, column_name: PLACE, value: Q9, problem: unknown_code, child_id: D}
      - {file: episodes.csv, row_number: 10, target: cla_episodes, column_name: DEC, value: Q9, problem: bad_date, child_id: E}
  fails: [episodes.csv:9]
*/
SELECT child_id, source_ref, place
FROM cla_episodes
WHERE source = 'ssda903' AND place NOT IN ('A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5',
    'S1', 'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'cla_episodes' AND column_name = 'PLACE' AND problem IN ('unknown_code')
