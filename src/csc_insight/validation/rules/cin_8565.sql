/*
code: "8565"
return: cin_census
message: Activity shown after a case has been closed
severity: error
fields: [CINclosureDate, DateOfInitialCPC, AssessmentActualStartDate, AssessmentAuthorisationDate, S47ActualStartDate, CPPendDate, CINPlanStartDate, CINPlanEndDate]
requires: [referrals.closure_date]
note: >
  The episode fails, as the row to correct (its closure date); the reference flags the
  activity's rows too. An ICPC recorded in CINdetails is one of the episode's enquiries here.
differs_from_reference: >
  The reference (csc-validator-be-cin 0.1.13, 2022-23) never compares CPPendDate: it replaces
  the census's child protection plans with a fixed example row (child1) before comparing; and
  its CINPlanDates part stops the rule with an error when the episodes failing on CIN plan
  dates and those failing on Section47 dates differ in number (it labels one with the other's
  rows), so it then flags nothing. Here a plan ending after the closure fails, as the DfE's
  rule says. Otherwise the same: a planted assessment started after its episode's closure is
  flagged on the same CINdetails by both.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}]
    assessments: [{assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02, authorised_date: 2022-06-01}]
    s47_enquiries: [{s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03, icpc_date: 2022-05-20}]
    cp_plans: [{cp_plan_id: P1, child_id: A, referral_id: R1, start_date: 2022-05-20, end_date: 2022-06-01}]
    cin_plans: [{cin_plan_id: C1, child_id: A, referral_id: R1, start_date: 2022-05-20, end_date: 2022-06-01}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R4, child_id: D, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R5, child_id: E, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R6, child_id: F, referral_date: 2022-05-01}
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02, authorised_date: 2022-06-02}
      - {assessment_id: X2, child_id: F, referral_id: R6, start_date: 2022-05-02, authorised_date: 2022-06-02}
    s47_enquiries: [{s47_id: S1, child_id: B, referral_id: R2, icpc_date: 2022-06-02}]
    cp_plans: [{cp_plan_id: P1, child_id: C, referral_id: R3, start_date: 2022-05-20, end_date: 2022-06-02}]
    cin_plans:
      - {cin_plan_id: C1, child_id: D, referral_id: R4, start_date: 2022-05-20, end_date: 2022-06-01}
      - {cin_plan_id: C2, child_id: D, referral_id: R4, start_date: 2022-06-02}
  fails: [referrals.csv:2, referrals.csv:3, referrals.csv:4, referrals.csv:5]
*/
WITH activity AS (
    SELECT child_id, referral_id, greatest(start_date, authorised_date) AS day
    FROM assessments WHERE source = 'cin_census'
    UNION ALL
    SELECT child_id, referral_id, greatest(start_date, icpc_date)
    FROM s47_enquiries WHERE source = 'cin_census'
    UNION ALL
    SELECT child_id, referral_id, end_date FROM cp_plans WHERE source = 'cin_census'
    UNION ALL
    SELECT child_id, referral_id, greatest(start_date, end_date)
    FROM cin_plans WHERE source = 'cin_census'
)
SELECT r.child_id, r.source_ref, r.closure_date, max(a.day) AS latest_activity
FROM referrals r
JOIN activity a ON a.child_id = r.child_id AND a.referral_id = r.referral_id
WHERE r.source = 'cin_census' AND r.closure_date IS NOT NULL AND a.day > r.closure_date
GROUP BY ALL
