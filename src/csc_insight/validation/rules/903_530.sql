/*
code: "530"
return: ssda903
message: A placement provider code of PR4 cannot be associated with placement P1.
severity: error
fields: [PLACE, PLACE_PROVIDER]
requires: [cla_episodes.place_provider]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: K2, place_provider: PR4}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: K2, place_provider: PR4}
      - {child_id: B, decom: 2022-06-01, place: P1, place_provider: PR4}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, place, place_provider
FROM cla_episodes
WHERE source = 'ssda903' AND place_provider = 'PR4' AND place IN ('P1')
