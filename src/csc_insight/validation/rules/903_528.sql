/*
code: "528"
return: ssda903
message: A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.
severity: error
fields: [PLACE, PLACE_PROVIDER]
requires: [cla_episodes.place_provider]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: U1, place_provider: PR2}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: U1, place_provider: PR2}
      - {child_id: B, decom: 2022-06-01, place: R5, place_provider: PR2}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, place, place_provider
FROM cla_episodes
WHERE source = 'ssda903' AND place_provider = 'PR2' AND place IN ('P1', 'R2', 'R5')
