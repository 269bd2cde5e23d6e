/*
code: "380"
return: ssda903
message: A period of care cannot start with a temporary placement.
severity: error
fields: [PLACE, RNE]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: T1, rne: P}, {child_id: B, decom: 2022-06-01, place: U1, rne: S}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: T1, rne: B}
      - {child_id: B, decom: 2022-06-01, place: T0, rne: S}
      - {child_id: C, decom: 2022-06-01, place: T4}
      - {child_id: D, decom: 2022-06-01, place: U1, rne: S}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, place, rne
FROM cla_episodes
WHERE source = 'ssda903' AND place IN ('T0', 'T1', 'T2', 'T3', 'T4') AND (rne IS NULL OR rne NOT IN ('P', 'B'))
