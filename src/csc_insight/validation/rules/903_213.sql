/*
code: "213"
return: ssda903
message: Placement provider information not required.
severity: error
fields: [PLACE_PROVIDER]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: T1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: T1}
      - {child_id: B, decom: 2022-06-01, place: T2, place_provider: PR1}
      - {child_id: C, decom: 2022-06-01, place: Z1, place_provider: PR1}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, place, place_provider
FROM cla_episodes
WHERE source = 'ssda903' AND place IN ('T0', 'T1', 'T2', 'T3', 'T4') AND place_provider IS NOT NULL
