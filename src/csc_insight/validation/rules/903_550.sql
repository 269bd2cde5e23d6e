/*
code: "550"
return: ssda903
message: A placement provider code of PR0 can only be associated with placement P1.
severity: error
fields: [PLACE, PLACE_PROVIDER]
requires: [cla_episodes.place_provider]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: P1, place_provider: PR0}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: P1, place_provider: PR0}
      - {child_id: B, decom: 2022-06-01, place: P2, place_provider: PR0}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, place, place_provider
FROM cla_episodes
WHERE source = 'ssda903' AND place_provider = 'PR0' AND place IS DISTINCT FROM 'P1'
