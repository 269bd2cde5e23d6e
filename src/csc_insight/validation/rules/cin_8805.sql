/*
code: "8805"
return: cin_census
message: A CIN case cannot have a CIN closure date without a Reason for Closure
severity: error
fields: [CINclosureDate, ReasonForClosure]
requires: [referrals.closure_date]
note: The reader blanks a ReasonForClosure outside the list, so a bad code fails here as a blank.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC1}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01}
  fails: [referrals.csv:2]
*/
SELECT child_id, source_ref, closure_date, closure_reason
FROM referrals
WHERE source = 'cin_census' AND closure_date IS NOT NULL AND closure_reason IS NULL
