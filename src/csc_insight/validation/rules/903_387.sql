/*
code: "387"
return: ssda903
message: Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.
severity: error
fields: [REC]
requires: [cla_episodes.decom, children.dob]
tests:
  pass:
    children: [{child_id: A, dob: 2008-06-01}]
    cla_episodes: [{child_id: A, decom: 2022-01-01, dec: 2022-06-01, rec: E5}]
  fail:
    children: [{child_id: A, dob: 2008-06-02}]
    cla_episodes:
      - {child_id: A, decom: 2022-01-01, dec: 2022-05-01, rec: X1}
      - {child_id: A, decom: 2022-05-01, dec: 2022-06-01, rec: E6}
  fails: [cla_episodes.csv:3]
*/
SELECT e.child_id, e.source_ref, e.dec, e.rec, c.dob
FROM cla_episodes e JOIN children c ON c.child_id = e.child_id
WHERE e.source = 'ssda903' AND e.rec IN ('E5', 'E6') AND e.dec < c.dob + INTERVAL 14 YEAR
