/*
code: "4009Q"
return: cin_census
message: CIN Plan cannot end after the child’s Date of Death
severity: query
fields: [PersonDeathDate, CINPlanEndDate]
requires: [cin_plans.end_date, children.death_date]
note: >
  The CIN plan fails, as the one to correct; the reference flags the child's identifiers
  too.
tests:
  pass:
    children: [{child_id: A, death_date: 2022-06-01}]
    cin_plans: [{cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}]
  fail:
    children: [{child_id: A, death_date: 2022-06-01}]
    cin_plans:
      - {cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}
      - {cin_plan_id: C2, child_id: A, start_date: 2022-05-01, end_date: 2022-06-02}
      - {cin_plan_id: C3, child_id: A, start_date: 2022-05-01}
  fails: [cin_plans.csv:3]
*/
SELECT p.child_id, p.source_ref, c.death_date, p.end_date
FROM cin_plans p JOIN children c USING (child_id)
WHERE p.source = 'cin_census' AND p.end_date > c.death_date
