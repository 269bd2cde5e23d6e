/*
code: "445"
return: ssda903
message: D1 is not a valid code for episodes starting after December 2005.
severity: error
fields: [LS, DECOM]
requires: [cla_episodes.ls]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2005-12-31, ls: D1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2005-12-31, ls: D1}
      - {child_id: B, decom: 2006-01-01, ls: D1}
      - {child_id: C, decom: 2006-01-01, ls: E1}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, ls, decom
FROM cla_episodes
WHERE source = 'ssda903' AND ls = 'D1' AND decom > DATE '2005-12-31'
