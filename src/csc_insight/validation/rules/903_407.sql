/*
code: "407"
return: ssda903
message: Reason episode ceased is Special Guardianship Order, but child has reached age 18.
severity: error
fields: [DEC, DOB, REC]
requires: [cla_episodes.decom, children.dob]
note: As in the reference, an SGO on the 18th birthday itself passes (DEC > DOB + 18 years fails).
differs_from_reference: >
  The reference (csc-validator-be-903) flags the child's Header row as well as the
  episode; here the episode row is flagged (the snapshot keeps one merged children row).
tests:
  pass:
    children: [{child_id: A, dob: 2004-06-01}]
    cla_episodes: [{child_id: A, decom: 2022-01-01, dec: 2022-06-01, rec: E45}]
  fail:
    children: [{child_id: A, dob: 2004-05-31}]
    cla_episodes:
      - {child_id: A, decom: 2022-01-01, dec: 2022-05-01, rec: X1}
      - {child_id: A, decom: 2022-05-01, dec: 2022-06-01, rec: E48}
  fails: [cla_episodes.csv:3]
*/
SELECT e.child_id, e.source_ref, e.dec, e.rec, c.dob
FROM cla_episodes e JOIN children c ON c.child_id = e.child_id
WHERE e.source = 'ssda903' AND e.rec IN ('E45', 'E46', 'E47', 'E48')
  AND e.dec > c.dob + INTERVAL 18 YEAR
