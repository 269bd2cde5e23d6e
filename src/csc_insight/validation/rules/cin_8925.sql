/*
code: "8925"
return: cin_census
message: Child Protection Plan End Date earlier than Start Date
severity: error
fields: [CPPstartDate, CPPendDate]
requires: [cp_plans.start_date]
note: >
  The CIN census reader already sets such a plan aside (it is in the quarantine, not the
  snapshot); the rule checks snapshots built any other way.
tests:
  pass:
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-05-02}]
  fail:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-04-30}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-06-01}
  fails: [cp_plans.csv:2]
*/
SELECT child_id, source_ref, start_date, end_date
FROM cp_plans
WHERE source = 'cin_census' AND end_date < start_date
