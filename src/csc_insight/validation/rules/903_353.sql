/*
code: "353"
return: ssda903
message: No episode submitted can start before 14 October 1991.
severity: error
fields: [DECOM]
requires: [cla_episodes.decom]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 1991-10-14}]
  fail:
    cla_episodes: [{child_id: A, decom: 1991-10-14}, {child_id: B, decom: 1991-10-13}]
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, decom
FROM cla_episodes
WHERE source = 'ssda903' AND decom < DATE '1991-10-14'
