/*
code: "586"
return: ssda903
message: Dates of missing periods are before child’s date of birth.
severity: error
fields: [MIS_START]
requires: [missing_episodes.start_date, children.dob]
note: As in the reference, a missing period starting on the date of birth fails too.
tests:
  pass:
    children: [{child_id: A, dob: 2010-06-01}]
    missing_episodes: [{child_id: A, missing_type: M, start_date: 2010-06-02}]
  fail:
    children: [{child_id: A, dob: 2010-06-01}]
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2010-06-01}
      - {child_id: A, missing_type: M, start_date: 2022-06-01}
  fails: [missing_episodes.csv:2]
*/
SELECT m.child_id, m.source_ref, m.start_date, c.dob
FROM missing_episodes m JOIN children c ON c.child_id = m.child_id
WHERE m.source = 'ssda903' AND m.start_date <= c.dob
