/*
code: "8815"
return: cin_census
message: More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.
severity: error
fields: [ReferralNFA, CINclosureDate]
requires: [referrals.referral_date]
differs_from_reference: >
  The reference (csc-validator-be-cin 2022-23) fills the blank closure dates with 1 and
  then keeps those greater than 1, so it never flags a child (as in 8935); here each open
  episode that led to further action of a child with two or more is flagged.
tests:
  pass:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: A, referral_date: 2022-07-01, nfa: true}
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: A, referral_date: 2022-07-01, nfa: false}
      - {referral_id: R3, child_id: A, referral_date: 2022-04-01, closure_date: 2022-04-20, nfa: false}
      - {referral_id: R4, child_id: B, referral_date: 2022-05-01, nfa: false}
  fails: [referrals.csv:2, referrals.csv:3]
*/
SELECT child_id, source_ref, referral_date
FROM (SELECT *, count(*) OVER (PARTITION BY child_id) AS open_episodes
      FROM referrals
      WHERE source = 'cin_census' AND closure_date IS NULL AND nfa IS FALSE)
WHERE open_episodes > 1
