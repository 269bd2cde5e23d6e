/*
code: "545"
return: ssda903
message: Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.
severity: error
fields: [DOB, HEALTH_CHECK]
requires: [cla_health.child_id, children.dob]
note: An OC2 row is returned only for a child looked after continuously for 12 months.
tests:
  pass:
    children: [{child_id: A, dob: 2020-01-01}]
    cla_health: [{child_id: A, year_ending: 2023-03-31, health_check: true}]
  fail:
    children:
      - {child_id: A, dob: 2020-01-01}
      - {child_id: B, dob: 2018-03-31}
      - {child_id: C, dob: 2020-01-01}
    cla_health:
      - {child_id: A, year_ending: 2023-03-31}
      - {child_id: B, year_ending: 2023-03-31}
      - {child_id: C, year_ending: 2022-03-31}
  fails: [cla_health.csv:2]
*/
SELECT h.child_id, h.source_ref, c.dob, h.health_check
FROM cla_health h JOIN children c USING (child_id)
WHERE h.source = 'ssda903' AND h.year_ending = :year_end AND h.health_check IS NULL
  AND c.dob > :year_end - INTERVAL 5 YEAR
