/*
code: "4017"
return: cin_census
message: A CIN Plan has been reported as open at the same time as a Child Protection Plan.
severity: error
fields: [CINPlanStartDate, CINPlanEndDate, CPPstartDate]
requires: [cin_plans.start_date, cp_plans.start_date]
note: >
  The CP plan fails, as the one to correct; the reference flags the CIN plan too.
tests:
  pass:
    cin_plans: [{cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}]
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-06-01}]
  fail:
    cin_plans:
      - {cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}
      - {cin_plan_id: C2, child_id: B, start_date: 2022-05-01}
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-05-31}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-06-01}
      - {cp_plan_id: P3, child_id: B, start_date: 2022-07-01}
      - {cp_plan_id: P4, child_id: B, start_date: 2022-04-01}
  fails: [cp_plans.csv:2, cp_plans.csv:4]
*/
SELECT p.child_id, p.source_ref, p.start_date, c.start_date AS cin_plan_start,
       c.end_date AS cin_plan_end
FROM cp_plans p JOIN cin_plans c USING (child_id)
WHERE p.source = 'cin_census' AND c.source = 'cin_census'
  AND p.start_date >= c.start_date
  AND (p.start_date < c.end_date OR (c.end_date IS NULL AND p.start_date <= :year_end))
