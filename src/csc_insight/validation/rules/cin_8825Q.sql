/*
code: "8825Q"
return: cin_census
message: "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode."
severity: query
fields: [ReasonForClosure]
requires: [referrals.closure_reason]
note: >
  An assessment of the episode in any year's file counts: the snapshot merges the years, so
  an episode closed RC8 in a year whose file no longer carries its assessment (authorised the
  year before) passes here, where the reference, reading that one file, queries it.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC8}]
    assessments: [{assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC8}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC9}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R4, child_id: B, referral_date: 2022-07-01, closure_date: 2022-08-01, closure_reason: RC8}
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02}
      - {assessment_id: X2, child_id: B, referral_id: R4, start_date: 2022-07-02}
  fails: [referrals.csv:3]
*/
SELECT r.child_id, r.source_ref, r.closure_reason
FROM referrals r
WHERE r.source = 'cin_census' AND r.closure_reason IN ('RC8', 'RC9')
  AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.source = 'cin_census'
                  AND a.child_id = r.child_id AND a.referral_id = r.referral_id)
