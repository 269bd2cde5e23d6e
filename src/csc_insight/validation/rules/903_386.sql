/*
code: "386"
return: ssda903
message: Reason episode ceased is adopted but child has reached age 18.
severity: error
fields: [REC]
requires: [cla_episodes.decom, children.dob]
tests:
  pass:
    children: [{child_id: A, dob: 2004-06-02}]
    cla_episodes: [{child_id: A, decom: 2022-01-01, dec: 2022-06-01, rec: E11}]
  fail:
    children: [{child_id: A, dob: 2004-06-01}]
    cla_episodes:
      - {child_id: A, decom: 2022-01-01, dec: 2022-05-01, rec: X1}
      - {child_id: A, decom: 2022-05-01, dec: 2022-06-01, rec: E12}
  fails: [cla_episodes.csv:3]
*/
SELECT e.child_id, e.source_ref, e.dec, e.rec, c.dob
FROM cla_episodes e JOIN children c ON c.child_id = e.child_id
WHERE e.source = 'ssda903' AND e.rec IN ('E11', 'E12') AND e.dec >= c.dob + INTERVAL 18 YEAR
