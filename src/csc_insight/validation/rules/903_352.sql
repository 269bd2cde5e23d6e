/*
code: "352"
return: ssda903
message: Child who started to be looked after was aged 18 or over.
severity: error
fields: [DECOM, RNE]
requires: [cla_episodes.decom, children.dob]
tests:
  pass:
    children: [{child_id: A, dob: 2004-06-02}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, rne: S}]
  fail:
    children: [{child_id: A, dob: 2004-06-01}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, rne: S}, {child_id: A, decom: 2022-07-01, rne: P}]
  fails: [cla_episodes.csv:2]
*/
SELECT e.child_id, e.source_ref, e.decom, e.rne, c.dob
FROM cla_episodes e JOIN children c ON c.child_id = e.child_id
WHERE e.source = 'ssda903' AND e.rne = 'S' AND e.decom >= c.dob + INTERVAL 18 YEAR
