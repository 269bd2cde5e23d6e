/*
code: "381"
return: ssda903
message: A period of care cannot end with a temporary placement.
severity: error
fields: [PLACE, REC]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-06-05, place: T1, rec: X1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-05, place: T1, rec: X1}
      - {child_id: B, decom: 2022-06-01, dec: 2022-06-05, place: T2, rec: E4A}
      - {child_id: C, decom: 2022-06-01, place: T3}
      - {child_id: D, decom: 2022-06-01, dec: 2022-06-05, place: U1, rec: E4A}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, place, rec
FROM cla_episodes
WHERE source = 'ssda903' AND place IN ('T0', 'T1', 'T2', 'T3', 'T4') AND rec IS NOT NULL AND rec <> 'X1'
