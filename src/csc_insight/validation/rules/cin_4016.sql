/*
code: "4016"
return: cin_census
message: A CIN Plan has been reported as open at the same time as a Child Protection Plan.
severity: error
fields: [CINPlanStartDate, CPPstartDate, CPPendDate]
requires: [cin_plans.start_date, cp_plans.start_date]
note: >
  The CIN plan fails, as the one to correct; the reference flags the CP plan too.
tests:
  pass:
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}]
    cin_plans: [{cin_plan_id: C1, child_id: A, start_date: 2022-06-01}]
  fail:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}
      - {cp_plan_id: P2, child_id: B, start_date: 2022-05-01}
    cin_plans:
      - {cin_plan_id: C1, child_id: A, start_date: 2022-05-31}
      - {cin_plan_id: C2, child_id: A, start_date: 2022-06-01}
      - {cin_plan_id: C3, child_id: B, start_date: 2022-07-01}
      - {cin_plan_id: C4, child_id: B, start_date: 2022-04-01}
  fails: [cin_plans.csv:2, cin_plans.csv:4]
*/
SELECT c.child_id, c.source_ref, c.start_date, p.start_date AS cp_plan_start,
       p.end_date AS cp_plan_end
FROM cin_plans c JOIN cp_plans p USING (child_id)
WHERE c.source = 'cin_census' AND p.source = 'cin_census'
  AND c.start_date >= p.start_date
  AND (c.start_date < p.end_date OR (p.end_date IS NULL AND c.start_date <= :year_end))
