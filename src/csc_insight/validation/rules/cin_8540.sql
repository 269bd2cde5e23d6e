/*
code: "8540"
return: cin_census
message: Child’s disability is missing or invalid (see Disability table)
severity: error
fields: [Disability, PersonBirthDate, ReferralNFA]
requires: [children.disability, referrals.nfa]
note: >
  Children whose merged row comes from the CIN census (a child also in other returns keeps
  the census's row). The reader keeps whether a child has a disability, blank when no code
  is given or a code is outside the list (that cell is set aside): such a child, born,
  with a referral that led to further action, fails.
differs_from_reference: >
  The reference (csc-validator-be-cin 2022-23) never flags a child with no Disability at
  all: its merges lose the child (found by test_parity_cin, which planted one); here a
  missing or invalid disability of a born child with a referral that led to further action
  is flagged.
tests:
  pass:
    children: [{child_id: A, dob: 2015-01-01, disability: false}, {child_id: B, dob: 2015-01-01}]
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}, {referral_id: R2, child_id: B, referral_date: 2022-05-01, nfa: true}]
  fail:
    children:
      - {child_id: A, dob: 2015-01-01, disability: false}
      - {child_id: B, dob: 2015-01-01}
      - {child_id: C, dob: 2015-01-01}
      - {child_id: D, expected_dob: 2023-06-01}
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R4, child_id: D, referral_date: 2022-05-01, nfa: false}
  fails: [children.csv:3]
*/
SELECT c.child_id, c.source_ref, c.dob, c.disability
FROM children c
WHERE c.source = 'cin_census' AND c.dob IS NOT NULL AND c.disability IS NULL
  AND EXISTS (SELECT 1 FROM referrals r
              WHERE r.child_id = c.child_id AND r.source = 'cin_census' AND r.nfa IS FALSE)
