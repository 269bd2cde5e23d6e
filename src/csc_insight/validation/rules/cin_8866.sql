/*
code: "8866"
return: cin_census
message: Source of Referral is missing or an invalid code
severity: error
fields: [CINreferralDate, ReferralSource]
requires: [referrals.source_code]
note: >
  As in the reference, referrals before 1 April 2013 are not checked. The reader blanks a
  ReferralSource outside the list, so a bad code fails here as a blank.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, source_code: "10"}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, source_code: 5D}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, source_code: "1E"}
      - {referral_id: R4, child_id: D, referral_date: 2013-03-31}
  fails: [referrals.csv:3, referrals.csv:4]
*/
SELECT child_id, source_ref, referral_date, source_code
FROM referrals
WHERE source = 'cin_census' AND referral_date >= DATE '2013-04-01'
  AND (source_code IS NULL OR source_code NOT IN ('1A', '1B', '1C', '1D', '2A', '2B', '3A',
    '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10'))
