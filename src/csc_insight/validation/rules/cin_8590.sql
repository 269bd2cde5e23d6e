/*
code: "8590"
return: cin_census
message: Child does not have a recorded CIN episode.
severity: error
fields: [LAchildID]
requires: [children.child_id]
note: >
  Children whose merged row comes from the CIN census (a child also in other returns keeps
  the census's row).
differs_from_reference: >
  The reference (csc-validator-be-cin 2022-23) reports another child's row for a child
  without CINdetails (test_parity_cin planted one; the reference flagged a different
  child); here the child with no episode is flagged.
tests:
  pass:
    children: [{child_id: A}]
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01}]
  fail:
    children: [{child_id: A}, {child_id: B}, {child_id: C, source: annex_a}]
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01}]
  fails: [children.csv:3]
*/
SELECT c.child_id, c.source_ref
FROM children c
WHERE c.source = 'cin_census'
  AND NOT EXISTS (SELECT 1 FROM referrals r
                  WHERE r.child_id = c.child_id AND r.source = 'cin_census')
