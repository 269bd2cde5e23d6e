/*
code: "8832"
return: cin_census
message: Child Protection details provided for a referral with no further action.
severity: error
fields: [CPPstartDate, ReferralNFA]
requires: [referrals.nfa, cp_plans.start_date]
differs_from_reference: >
  The reference (csc-validator-be-cin 2022-23) merges the referrals with the plans with
  their suffixes the wrong way round, so it flags the plan whose row number is the
  referral's and the referral whose row number is the plan's (rows of other children);
  here the plan of the no-further-action referral is flagged (found by test_parity_cin).
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}]
    cp_plans: [{cp_plan_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-10}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R2, child_id: A, referral_date: 2022-06-01, nfa: false}
    cp_plans:
      - {cp_plan_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-10}
      - {cp_plan_id: X2, child_id: A, referral_id: R2, start_date: 2022-06-10}
  fails: [cp_plans.csv:2]
*/
SELECT x.child_id, x.source_ref, r.referral_date, r.nfa, x.start_date
FROM cp_plans x
JOIN referrals r ON r.child_id = x.child_id AND r.referral_id = x.referral_id
WHERE x.source = 'cin_census' AND r.source = 'cin_census' AND r.nfa IS TRUE
