/*
code: "4008"
return: cin_census
message: CIN Plan shown as starting after the child’s Date of Death.
severity: error
fields: [PersonDeathDate, CINPlanStartDate]
requires: [cin_plans.start_date, children.death_date]
note: >
  The CIN plan fails, as the one to correct; the reference flags the child's identifiers
  too.
tests:
  pass:
    children: [{child_id: A, death_date: 2022-06-01}]
    cin_plans: [{cin_plan_id: C1, child_id: A, start_date: 2022-06-01}]
  fail:
    children: [{child_id: A, death_date: 2022-06-01}, {child_id: B}]
    cin_plans:
      - {cin_plan_id: C1, child_id: A, start_date: 2022-06-01}
      - {cin_plan_id: C2, child_id: A, start_date: 2022-06-02}
      - {cin_plan_id: C3, child_id: B, start_date: 2022-06-02}
  fails: [cin_plans.csv:3]
*/
SELECT p.child_id, p.source_ref, c.death_date, p.start_date
FROM cin_plans p JOIN children c USING (child_id)
WHERE p.source = 'cin_census' AND p.start_date > c.death_date
