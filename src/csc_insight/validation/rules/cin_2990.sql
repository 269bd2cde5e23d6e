/*
code: "2990"
return: cin_census
message: "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'."
severity: error
fields: [ReasonForClosure, DateOfInitialCPC]
requires: [referrals.closure_reason]
note: >
  The episode closed RC8 or RC9 fails, as the row to correct, when it has a Section47, an
  ICPC (a CINdetails DateOfInitialCPC is one of the episode's enquiries here), a child
  protection plan or a CIN plan; the reference flags those rows too.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC8}]
    assessments: [{assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC8}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC9}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC9}
      - {referral_id: R4, child_id: D, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC8}
      - {referral_id: R5, child_id: E, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R6, child_id: F, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC8}
    s47_enquiries:
      - {s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03}
      - {s47_id: S2, child_id: D, referral_id: R4, icpc_date: 2022-05-20}
      - {s47_id: S3, child_id: E, referral_id: R5, start_date: 2022-05-03}
    cp_plans: [{cp_plan_id: P1, child_id: B, referral_id: R2, start_date: 2022-05-20, end_date: 2022-05-30}]
    cin_plans: [{cin_plan_id: C1, child_id: C, referral_id: R3, start_date: 2022-05-20, end_date: 2022-05-30}]
    assessments: [{assessment_id: X1, child_id: F, referral_id: R6, start_date: 2022-05-02}]
  fails: [referrals.csv:2, referrals.csv:3, referrals.csv:4, referrals.csv:5]
*/
SELECT r.child_id, r.source_ref, r.closure_reason
FROM referrals r
WHERE r.source = 'cin_census' AND r.closure_reason IN ('RC8', 'RC9')
  AND (EXISTS (SELECT 1 FROM s47_enquiries s WHERE s.source = 'cin_census'
               AND s.child_id = r.child_id AND s.referral_id = r.referral_id)
       OR EXISTS (SELECT 1 FROM cp_plans p WHERE p.source = 'cin_census'
                  AND p.child_id = r.child_id AND p.referral_id = r.referral_id)
       OR EXISTS (SELECT 1 FROM cin_plans c WHERE c.source = 'cin_census'
                  AND c.child_id = r.child_id AND c.referral_id = r.referral_id))
