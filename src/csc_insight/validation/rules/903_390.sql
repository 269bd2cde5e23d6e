/*
code: "390"
return: ssda903
message: Reason episode ceased is adopted but child has not been previously placed for adoption.
severity: error
fields: [PLACE, REC]
requires: [cla_episodes.rec]
note: A blank placement fails, as in the reference.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-09-01, rec: E11, place: A5}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-09-01, rec: E12, place: U1}
      - {child_id: B, decom: 2022-06-01, dec: 2022-09-01, rec: E11, place: A3}
      - {child_id: C, decom: 2022-06-01, dec: 2022-09-01, rec: E11}
      - {child_id: D, decom: 2022-06-01, dec: 2022-09-01, rec: E4A, place: U1}
  fails: [cla_episodes.csv:2, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, rec, place
FROM cla_episodes
WHERE source = 'ssda903' AND rec IN ('E11', 'E12')
  AND place IS DISTINCT FROM 'A3' AND place IS DISTINCT FROM 'A4'
  AND place IS DISTINCT FROM 'A5' AND place IS DISTINCT FROM 'A6'
