/*
code: "351"
return: ssda903
message: Child was over 25 at the start of the current collection year.
severity: error
fields: [DOB]
requires: [children.dob]
note: >
  Children with an episode in the collection year or its care leaver (OC3) record, as the
  snapshot's children are every year's.
tests:
  pass:
    children: [{child_id: A, dob: 1997-04-01}]
    cla_episodes: [{child_id: A, decom: 2022-06-01}]
  fail:
    children: [{child_id: A, dob: 1997-04-01}, {child_id: B, dob: 1997-03-31}, {child_id: C, dob: 1997-03-31}, {child_id: D, dob: 1997-03-31}]
    cla_episodes: [{child_id: A, decom: 2022-06-01}, {child_id: B, decom: 2022-06-01}, {child_id: D, decom: 2020-06-01, dec: 2020-07-01, rec: E4A}]
    care_leavers: [{child_id: C, year_ending: 2023-03-31}]
  fails: [children.csv:3, children.csv:4]
*/
SELECT c.child_id, c.source_ref, c.dob
FROM children c
WHERE c.source = 'ssda903' AND :year_start > c.dob + INTERVAL 25 YEAR
  AND (EXISTS (SELECT 1 FROM cla_episodes e
               WHERE e.child_id = c.child_id AND e.source = 'ssda903'
                 AND e.decom <= :year_end AND (e.dec IS NULL OR e.dec >= :year_start))
    OR EXISTS (SELECT 1 FROM care_leavers l
               WHERE l.child_id = c.child_id AND l.source = 'ssda903'
                 AND l.year_ending = :year_end))
