/*
code: "4001"
return: cin_census
message: A CIN Plan cannot run concurrently with a Child Protection Plan
severity: error
fields: [CINPlanEndDate, CPPendDate]
requires: [cin_plans.start_date, cp_plans.start_date]
note: >
  As in the reference, an open CP plan and an open CIN plan of the same episode both fail.
tests:
  pass:
    cin_plans: [{cin_plan_id: C1, child_id: A, referral_id: R1, start_date: 2022-05-01, end_date: 2022-06-01}]
    cp_plans: [{cp_plan_id: P1, child_id: A, referral_id: R1, start_date: 2022-06-01}]
  fail:
    cin_plans:
      - {cin_plan_id: C1, child_id: A, referral_id: R1, start_date: 2022-05-01}
      - {cin_plan_id: C2, child_id: B, referral_id: R2, start_date: 2022-05-01}
      - {cin_plan_id: C3, child_id: C, referral_id: R3, start_date: 2022-05-01}
    cp_plans:
      - {cp_plan_id: P1, child_id: A, referral_id: R1, start_date: 2022-06-01}
      - {cp_plan_id: P2, child_id: B, referral_id: R9, start_date: 2022-06-01}
      - {cp_plan_id: P3, child_id: C, referral_id: R3, start_date: 2022-06-01, end_date: 2022-07-01}
  fails: [cin_plans.csv:2, cp_plans.csv:2]
*/
WITH both_open AS (
    SELECT p.child_id, p.source_ref AS plan_ref, c.source_ref AS cin_ref
    FROM cp_plans p
    JOIN cin_plans c ON c.child_id = p.child_id AND c.referral_id = p.referral_id
    WHERE p.source = 'cin_census' AND c.source = 'cin_census'
      AND p.end_date IS NULL AND c.start_date IS NOT NULL AND c.end_date IS NULL
)
SELECT child_id, plan_ref AS source_ref FROM both_open
UNION
SELECT child_id, cin_ref FROM both_open
