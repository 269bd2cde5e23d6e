/*
code: "446"
return: ssda903
message: E1 is not a valid code for episodes starting before December 2005.
severity: error
fields: [LS, DECOM]
requires: [cla_episodes.ls]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2005-12-01, ls: E1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2005-12-01, ls: E1}
      - {child_id: B, decom: 2005-11-30, ls: E1}
      - {child_id: C, decom: 2005-11-30, ls: D1}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, ls, decom
FROM cla_episodes
WHERE source = 'ssda903' AND ls = 'E1' AND decom < DATE '2005-12-01'
