/*
code: "1103"
return: cin_census
message: The assessment start date cannot be before the referral date
severity: error
fields: [AssessmentActualStartDate, CINreferralDate]
requires: [referrals.referral_date, assessments.start_date]
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01}]
    assessments: [{assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-01}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01}
      - {referral_id: R2, child_id: A, referral_date: 2021-05-01}
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-04-30}
      - {assessment_id: X2, child_id: A, referral_id: R2, start_date: 2022-04-30}
  fails: [assessments.csv:2]
*/
SELECT x.child_id, x.source_ref, r.referral_date, x.start_date
FROM assessments x
JOIN referrals r ON r.child_id = x.child_id AND r.referral_id = x.referral_id
WHERE x.source = 'cin_census' AND r.source = 'cin_census' AND x.start_date < r.referral_date
