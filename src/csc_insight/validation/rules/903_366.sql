/*
code: "366"
return: ssda903
message: A child cannot change placement during the course of an individual short-term respite break.
severity: error
fields: [RNE]
requires: [cla_episodes.ls]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, ls: V3, rne: S}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: V3, rne: S}
      - {child_id: B, decom: 2022-06-01, ls: V3, rne: P}
      - {child_id: C, decom: 2022-06-01, ls: V3}
      - {child_id: D, decom: 2022-06-01, ls: V4, rne: P}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, ls, rne
FROM cla_episodes
WHERE source = 'ssda903' AND ls = 'V3' AND (rne IS NULL OR rne <> 'S')
