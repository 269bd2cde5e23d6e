/*
code: "546"
return: ssda903
message: Children aged 5 or over at 31 March should not have health promotion information completed.
severity: error
fields: [DOB, HEALTH_CHECK]
requires: [cla_health.child_id, children.dob]
tests:
  pass:
    children: [{child_id: A, dob: 2010-01-01}]
    cla_health: [{child_id: A, year_ending: 2023-03-31, immunisations: true}]
  fail:
    children:
      - {child_id: A, dob: 2010-01-01}
      - {child_id: B, dob: 2018-04-01}
      - {child_id: C, dob: 2010-01-01}
    cla_health:
      - {child_id: A, year_ending: 2023-03-31, health_check: true}
      - {child_id: B, year_ending: 2023-03-31, health_check: true}
      - {child_id: C, year_ending: 2022-03-31, health_check: false}
  fails: [cla_health.csv:2]
*/
SELECT h.child_id, h.source_ref, c.dob, h.health_check
FROM cla_health h JOIN children c USING (child_id)
WHERE h.source = 'ssda903' AND h.year_ending = :year_end AND h.health_check IS NOT NULL
  AND c.dob <= :year_end - INTERVAL 5 YEAR
