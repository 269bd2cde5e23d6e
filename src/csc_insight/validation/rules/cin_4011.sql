/*
code: "4011"
return: cin_census
message: CIN Plan End Date earlier than Start Date
severity: error
fields: [CINPlanEndDate, CINPlanStartDate]
requires: [cin_plans.start_date]
note: >
  The CIN census reader already sets such a plan aside (it is in the quarantine, not the
  snapshot); the rule checks snapshots built any other way.
tests:
  pass:
    cin_plans: [{cin_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-05-01}]
  fail:
    cin_plans:
      - {cin_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-04-30}
      - {cin_plan_id: P2, child_id: A, start_date: 2022-06-01}
  fails: [cin_plans.csv:2]
*/
SELECT child_id, source_ref, start_date, end_date
FROM cin_plans
WHERE source = 'cin_census' AND end_date < start_date
