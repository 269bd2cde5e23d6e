/*
code: "8770Q"
return: cin_census
message: "Please check and either amend data or provide a reason: UPN or reason UPN missing expected for a child who is more than 5 years old"
severity: query
fields: [UPN, UPNunknown]
requires: [children.dob, referrals.nfa]
note: >
  As in the reference's 2022-23 rule set: a child born on or before the census's reference
  date (31 March) 6 years earlier, with a referral going on to further action (ReferralNFA
  false; a blank one is not counted), has a UPN or a reason for none of UN2-UN7 (UN1, under
  6 and not yet assigned one, does not apply; nor do UN8-UN10, the SEN2 return's).
tests:
  pass:
    children:
      - {child_id: A, dob: 2010-01-01, upn: A123456789012}
      - {child_id: B, dob: 2010-01-01, upn_unknown: UN2}
      - {child_id: C, dob: 2017-04-01}
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, nfa: false}
  fail:
    children:
      - {child_id: A, dob: 2017-03-31}
      - {child_id: B, dob: 2010-01-01, upn_unknown: UN1}
      - {child_id: C, dob: 2010-01-01}
      - {child_id: D, dob: 2010-01-01}
      - {child_id: E, dob: 2017-04-01}
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R4, child_id: D, referral_date: 2022-05-01}
      - {referral_id: R5, child_id: E, referral_date: 2022-05-01, nfa: false}
  fails: [children.csv:2, children.csv:3]
*/
SELECT c.child_id, c.source_ref, c.dob, c.upn_unknown
FROM children c
WHERE c.source = 'cin_census' AND c.upn IS NULL
  AND COALESCE(c.upn_unknown NOT IN ('UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7'), true)
  AND c.dob <= :year_end - INTERVAL 6 YEAR
  AND EXISTS (SELECT 1 FROM referrals r
              WHERE r.source = 'cin_census' AND r.child_id = c.child_id AND r.nfa = false)
