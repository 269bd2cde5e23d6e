/*
code: "8568"
return: cin_census
message: RNFA flag is missing or invalid
severity: error
fields: [ReferralNFA]
requires: [referrals.referral_date]
note: >
  A missing ReferralNFA stays blank; one that is not true, false, 1 or 0 is set aside by
  the reader (quarantine) and blank here too.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, nfa: true}
  fails: [referrals.csv:3]
*/
SELECT child_id, source_ref, nfa
FROM referrals
WHERE source = 'cin_census' AND nfa IS NULL
