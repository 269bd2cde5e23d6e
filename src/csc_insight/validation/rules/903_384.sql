/*
code: "384"
return: ssda903
message: "A child receiving respite care cannot be in a long-term foster placement "
severity: error
fields: [PLACE, LS]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, ls: V3, place: U3}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: V3, place: U1}
      - {child_id: B, decom: 2022-06-01, ls: V4, place: U4}
      - {child_id: C, decom: 2022-06-01, ls: V4, place: U2}
      - {child_id: D, decom: 2022-06-01, ls: C2, place: U1}
  fails: [cla_episodes.csv:2, cla_episodes.csv:3]
*/
SELECT child_id, source_ref, ls, place
FROM cla_episodes
WHERE source = 'ssda903' AND ls IN ('V3', 'V4') AND place IN ('U1', 'U4')
