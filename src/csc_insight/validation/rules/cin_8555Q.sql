/*
code: "8555Q"
return: cin_census
message: Child cannot be referred after its recorded date of death
severity: query
fields: [PersonDeathDate, CINreferralDate]
requires: [referrals.referral_date, children.death_date]
note: >
  The referral fails, as the one to correct; the reference flags the child's identifiers
  too.
tests:
  pass:
    children: [{child_id: A, death_date: 2022-06-01}]
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-06-01}]
  fail:
    children: [{child_id: A, death_date: 2022-06-01}, {child_id: B}]
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-06-01}
      - {referral_id: R2, child_id: A, referral_date: 2022-06-02}
      - {referral_id: R3, child_id: B, referral_date: 2022-06-02}
  fails: [referrals.csv:3]
*/
SELECT r.child_id, r.source_ref, c.death_date, r.referral_date
FROM referrals r JOIN children c USING (child_id)
WHERE r.source = 'cin_census' AND r.referral_date > c.death_date
