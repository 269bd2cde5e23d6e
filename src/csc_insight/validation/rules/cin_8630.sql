/*
code: "8630"
return: cin_census
message: CIN Closure Date is before CIN Referral Date for the same CIN episode
severity: error
fields: [CINreferralDate, CINclosureDate]
requires: [referrals.referral_date]
note: >
  The CIN census reader already sets such an episode aside (it is in the quarantine, not
  the snapshot); the rule checks snapshots built any other way.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-05-01, closure_reason: RC8}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-04-30, closure_reason: RC8}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01}
  fails: [referrals.csv:2]
*/
SELECT child_id, source_ref, referral_date, closure_date
FROM referrals
WHERE source = 'cin_census' AND closure_date < referral_date
