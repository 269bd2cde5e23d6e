/*
code: "8840"
return: cin_census
message: Child Protection Plan cannot start and end on the same day
severity: error
fields: [CPPstartDate, CPPendDate]
requires: [cp_plans.start_date]
tests:
  pass:
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-05-02}]
  fail:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-05-01}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-06-01}
  fails: [cp_plans.csv:2]
*/
SELECT child_id, source_ref, start_date, end_date
FROM cp_plans
WHERE source = 'cin_census' AND start_date = end_date
