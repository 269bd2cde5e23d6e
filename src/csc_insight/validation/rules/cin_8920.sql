/*
code: "8920"
return: cin_census
message: Child Protection Plan cannot end after the child’s Date of Death
severity: error
fields: [CPPendDate, PersonDeathDate]
requires: [cp_plans.end_date, children.death_date]
tests:
  pass:
    children: [{child_id: A, death_date: 2022-06-01}]
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}]
  fail:
    children: [{child_id: A, death_date: 2022-06-01}, {child_id: B}]
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-02}
      - {cp_plan_id: P2, child_id: B, start_date: 2022-05-01, end_date: 2022-06-02}
  fails: [cp_plans.csv:2]
*/
SELECT p.child_id, p.source_ref, p.end_date, c.death_date
FROM cp_plans p JOIN children c ON c.child_id = p.child_id
WHERE p.source = 'cin_census' AND p.end_date > c.death_date
