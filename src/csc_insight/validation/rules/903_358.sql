/*
code: "358"
return: ssda903
message: Child with this legal status should not be under 10.
severity: error
fields: [DECOM, DOB, LS]
requires: [cla_episodes.decom, children.dob]
note: The reference fails an episode starting on the 10th birthday too (DOB + 10 years >= DECOM).
differs_from_reference: >
  The reference (csc-validator-be-903) flags the child's Header row as well as the
  episode; here the episode row is flagged (the snapshot keeps one merged children row).
tests:
  pass:
    children: [{child_id: A, dob: 2012-05-31}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, ls: J2}]
  fail:
    children: [{child_id: A, dob: 2012-06-01}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, ls: J2}, {child_id: A, decom: 2022-07-01, ls: C2}]
  fails: [cla_episodes.csv:2]
*/
SELECT e.child_id, e.source_ref, e.decom, e.ls, c.dob
FROM cla_episodes e JOIN children c ON c.child_id = e.child_id
WHERE e.source = 'ssda903' AND e.ls IN ('J1', 'J2', 'J3')
  AND c.dob + INTERVAL 10 YEAR >= e.decom
