/*
code: "8820"
return: cin_census
message: The dates on the CIN episodes for this child overlap
severity: error
fields: [CINreferralDate, CINclosureDate]
requires: [referrals.referral_date]
differs_from_reference: >
  The DfE's rule lets one episode end on the day the next starts; the reference
  (csc-validator-be-cin) flags that day too (<=), so such a pair passes here.
tests:
  pass:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-09-01}
      - {referral_id: R2, child_id: A, referral_date: 2022-09-01}
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: A, referral_date: 2022-09-01}
      - {referral_id: R3, child_id: B, referral_date: 2022-05-01, closure_date: 2022-08-01}
      - {referral_id: R4, child_id: B, referral_date: 2022-07-01, closure_date: 2022-07-20}
      - {referral_id: R5, child_id: C, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R6, child_id: C, referral_date: 2022-06-01}
  fails: [referrals.csv:3, referrals.csv:5]
*/
SELECT b.child_id, b.source_ref, b.referral_date, a.referral_date AS other_referral_date,
       a.closure_date AS other_closure_date
FROM referrals a
JOIN referrals b ON a.child_id = b.child_id AND a.referral_id <> b.referral_id
    AND b.referral_date >= a.referral_date
WHERE a.source = 'cin_census' AND b.source = 'cin_census'
  AND b.referral_date <= :year_end
  AND (b.referral_date < a.closure_date OR (a.closure_date IS NULL AND a.nfa IS NOT TRUE))
