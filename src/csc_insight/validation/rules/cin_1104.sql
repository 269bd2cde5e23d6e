/*
code: "1104"
return: cin_census
message: The date of the initial child protection conference cannot be before the referral date
severity: error
fields: [DateOfInitialCPC, CINreferralDate]
requires: [referrals.referral_date, s47_enquiries.icpc_date]
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01}]
    s47_enquiries: [{s47_id: X1, child_id: A, referral_id: R1, icpc_date: 2022-05-01}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01}
      - {referral_id: R2, child_id: A, referral_date: 2021-05-01}
    s47_enquiries:
      - {s47_id: X1, child_id: A, referral_id: R1, icpc_date: 2022-04-30}
      - {s47_id: X2, child_id: A, referral_id: R2, icpc_date: 2022-04-30}
  fails: [s47_enquiries.csv:2]
*/
SELECT x.child_id, x.source_ref, r.referral_date, x.icpc_date
FROM s47_enquiries x
JOIN referrals r ON r.child_id = x.child_id AND r.referral_id = x.referral_id
WHERE x.source = 'cin_census' AND r.source = 'cin_census' AND x.icpc_date < r.referral_date
