/*
code: "302"
return: ssda903
message: First episode starts before child was born.
severity: error
fields: [DECOM, DOB]
requires: [cla_episodes.decom, children.dob]
differs_from_reference: >
  The reference (csc-validator-be-903) flags the child's Header row as well as the
  episode; here the episode row is flagged (the snapshot keeps one merged children row).
tests:
  pass:
    children: [{child_id: A, dob: 2022-06-01}]
    cla_episodes: [{child_id: A, decom: 2022-06-01}]
  fail:
    children: [{child_id: A, dob: 2022-06-02}]
    cla_episodes: [{child_id: A, decom: 2022-06-01}, {child_id: A, decom: 2022-05-01}]
  fails: [cla_episodes.csv:3]
*/
SELECT e.child_id, e.source_ref, e.decom, c.dob
FROM (SELECT *, row_number() OVER (PARTITION BY child_id ORDER BY decom) AS nth
      FROM cla_episodes WHERE source = 'ssda903') e
JOIN children c ON c.child_id = e.child_id
WHERE e.nth = 1 AND e.decom < c.dob
