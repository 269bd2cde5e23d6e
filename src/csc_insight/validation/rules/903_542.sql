/*
code: "542"
return: ssda903
message: A child aged under 10 at 31 March should not have conviction information completed.
severity: error
fields: [CONVICTED]
requires: [cla_health.child_id, children.dob]
tests:
  pass:
    children: [{child_id: A, dob: 2013-03-31}]
    cla_health: [{child_id: A, year_ending: 2023-03-31, convicted: false}]
  fail:
    children: [{child_id: A, dob: 2013-04-01}, {child_id: B, dob: 2014-01-01}]
    cla_health:
      - {child_id: A, year_ending: 2023-03-31, convicted: false}
      - {child_id: B, year_ending: 2023-03-31}
  fails: [cla_health.csv:2]
*/
SELECT h.child_id, h.source_ref, c.dob, h.convicted
FROM cla_health h JOIN children c USING (child_id)
WHERE h.source = 'ssda903' AND h.year_ending = :year_end AND h.convicted IS NOT NULL
  AND c.dob + INTERVAL 10 YEAR > :year_end
