/*
code: "526"
return: ssda903
message: Child is missing a placement provider code for at least one episode.
severity: error
fields: [PLACE, PLACE_PROVIDER]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: U1, place_provider: PR1}, {child_id: B, decom: 2022-06-01, place: Z1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: U1, place_provider: PR1}
      - {child_id: B, decom: 2022-06-01, place: U1}
      - {child_id: C, decom: 2022-06-01}
      - {child_id: D, decom: 2022-06-01, place: T1}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, place, place_provider
FROM cla_episodes
WHERE source = 'ssda903' AND place_provider IS NULL
  AND (place IS NULL OR place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4', 'Z1'))
