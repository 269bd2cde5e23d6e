/*
code: "8772"
return: cin_census
message: UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action
severity: error
fields: [UPNunknown, ReferralNFA]
requires: [children.upn_unknown, referrals.nfa]
note: >
  The child fails (its ChildIdentifiers, the row to correct); the reference flags the
  CINdetails too. As in the reference, a referral whose ReferralNFA is blank is not one
  with no further action.
tests:
  pass:
    children: [{child_id: A, upn_unknown: UN7}, {child_id: B, upn_unknown: UN2}]
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, nfa: false}
  fail:
    children: [{child_id: A, upn_unknown: UN7}, {child_id: B, upn_unknown: UN7}, {child_id: C, upn_unknown: UN7}]
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R3, child_id: B, referral_date: 2022-07-01, nfa: false}
      - {referral_id: R4, child_id: C, referral_date: 2022-05-01}
  fails: [children.csv:3, children.csv:4]
*/
SELECT c.child_id, c.source_ref, c.upn_unknown
FROM children c
WHERE c.source = 'cin_census' AND c.upn_unknown = 'UN7'
  AND EXISTS (SELECT 1 FROM referrals r
              WHERE r.source = 'cin_census' AND r.child_id = c.child_id
                AND NOT COALESCE(r.nfa, false))
