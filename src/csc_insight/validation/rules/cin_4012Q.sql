/*
code: "4012Q"
return: cin_census
message: "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day"
severity: query
fields: [CINPlanStartDate, CINPlanEndDate]
requires: [cin_plans.start_date]
tests:
  pass:
    cin_plans: [{cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-05-02}]
  fail:
    cin_plans:
      - {cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-05-01}
      - {cin_plan_id: C2, child_id: A, start_date: 2022-06-01}
      - {cin_plan_id: C3, child_id: B, start_date: 2022-06-01, end_date: 2022-06-02}
  fails: [cin_plans.csv:2]
*/
SELECT child_id, source_ref, start_date, end_date
FROM cin_plans
WHERE source = 'cin_census' AND start_date = end_date
