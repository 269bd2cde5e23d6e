/*
code: "8810"
return: cin_census
message: A CIN case cannot have a Reason for Closure without a CIN Closure Date
severity: error
fields: [ReasonForClosure, CINclosureDate]
requires: [referrals.closure_reason]
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_reason: RC1}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC2}
  fails: [referrals.csv:2]
*/
SELECT child_id, source_ref, closure_date, closure_reason
FROM referrals
WHERE source = 'cin_census' AND closure_reason IS NOT NULL AND closure_date IS NULL
