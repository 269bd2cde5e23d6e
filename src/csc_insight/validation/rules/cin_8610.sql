/*
code: "8610"
return: cin_census
message: Primary Need code is missing for a referral which led to further action.
severity: error
fields: [ReferralNFA, PrimaryNeedCode]
requires: [referrals.primary_need]
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false, primary_need: N1}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, nfa: true}
  fails: [referrals.csv:2]
*/
SELECT child_id, source_ref, nfa, primary_need
FROM referrals
WHERE source = 'cin_census' AND nfa IS FALSE AND primary_need IS NULL
