/*
code: "382"
return: ssda903
message: A child receiving respite care cannot be in a temporary placement.
severity: error
fields: [LS, PLACE]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: T1, ls: C2}, {child_id: B, decom: 2022-06-01, place: U1, ls: V3}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: T1, ls: V3}
      - {child_id: B, decom: 2022-06-01, place: T4, ls: V4}
      - {child_id: C, decom: 2022-06-01, place: U1, ls: V4}
  fails: [cla_episodes.csv:2, cla_episodes.csv:3]
*/
SELECT child_id, source_ref, ls, place
FROM cla_episodes
WHERE source = 'ssda903' AND ls IN ('V3', 'V4') AND place IN ('T0', 'T1', 'T2', 'T3', 'T4')
