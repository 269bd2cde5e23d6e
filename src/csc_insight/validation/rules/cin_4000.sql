/*
code: "4000"
return: cin_census
message: CIN Plan details provided for a referral with no further action
severity: error
fields: [CINPlanStartDate, ReferralNFA]
requires: [referrals.nfa, cin_plans.start_date]
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}]
    cin_plans: [{cin_plan_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-10}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R2, child_id: A, referral_date: 2022-06-01, nfa: false}
    cin_plans:
      - {cin_plan_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-10}
      - {cin_plan_id: X2, child_id: A, referral_id: R2, start_date: 2022-06-10}
  fails: [cin_plans.csv:2]
*/
SELECT x.child_id, x.source_ref, r.referral_date, r.nfa, x.start_date
FROM cin_plans x
JOIN referrals r ON r.child_id = x.child_id AND r.referral_id = x.referral_id
WHERE x.source = 'cin_census' AND r.source = 'cin_census' AND r.nfa IS TRUE
