/*
code: "8606"
return: cin_census
message: Child referral date is more than 40 weeks before DOB or expected DOB
severity: error
fields: [CINreferralDate, PersonBirthDate, ExpectedPersonBirthDate]
requires: [referrals.referral_date]
note: >
  The referral fails, as the one to correct; the reference flags the child's identifiers
  too.
tests:
  pass:
    children: [{child_id: A, dob: 2022-06-01}]
    referrals: [{referral_id: R1, child_id: A, referral_date: 2021-08-25}]
  fail:
    children: [{child_id: A, dob: 2022-06-01}, {child_id: B, expected_dob: 2022-06-01}]
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2021-08-25}
      - {referral_id: R2, child_id: A, referral_date: 2021-08-24}
      - {referral_id: R3, child_id: B, referral_date: 2021-08-24}
  fails: [referrals.csv:3, referrals.csv:4]
*/
SELECT r.child_id, r.source_ref, r.referral_date, c.dob, c.expected_dob
FROM referrals r JOIN children c USING (child_id)
WHERE r.source = 'cin_census'
  AND (r.referral_date < c.dob - INTERVAL 280 DAY
    OR r.referral_date < c.expected_dob - INTERVAL 280 DAY)
