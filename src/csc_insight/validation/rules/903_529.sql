/*
code: "529"
return: ssda903
message: Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.
severity: error
fields: [PLACE, PLACE_PROVIDER]
requires: [cla_episodes.place_provider]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: R1, place_provider: PR3}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: R1, place_provider: PR3}
      - {child_id: B, decom: 2022-06-01, place: U4, place_provider: PR3}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, place, place_provider
FROM cla_episodes
WHERE source = 'ssda903' AND place_provider = 'PR3' AND place IN ('A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'P1', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')
