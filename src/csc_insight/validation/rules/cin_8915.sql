/*
code: "8915"
return: cin_census
message: Child Protection Plan shown as starting after the child’s Date of Death
severity: error
fields: [CPPstartDate, PersonDeathDate]
requires: [cp_plans.start_date, children.death_date]
tests:
  pass:
    children: [{child_id: A, death_date: 2022-05-01}]
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01}]
  fail:
    children: [{child_id: A, death_date: 2022-05-01}, {child_id: B}]
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-05-02}
      - {cp_plan_id: P2, child_id: B, start_date: 2022-05-02}
  fails: [cp_plans.csv:2]
*/
SELECT p.child_id, p.source_ref, p.start_date, c.death_date
FROM cp_plans p JOIN children c ON c.child_id = p.child_id
WHERE p.source = 'cin_census' AND p.start_date > c.death_date
