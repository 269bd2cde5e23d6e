/*
code: "8585Q"
return: cin_census
message: "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death"
severity: query
fields: [ReasonForClosure, PersonDeathDate]
requires: [referrals.closure_reason]
note: >
  The episode closed RC2 fails, as the row to correct or explain; the reference flags the
  child's identifiers too.
tests:
  pass:
    children: [{child_id: A, death_date: 2022-06-01}]
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC2}]
  fail:
    children: [{child_id: A, death_date: 2022-06-01}, {child_id: B}, {child_id: C}]
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC2}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC2}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
  fails: [referrals.csv:3]
*/
SELECT r.child_id, r.source_ref, r.closure_reason
FROM referrals r
WHERE r.source = 'cin_census' AND r.closure_reason = 'RC2'
  AND NOT EXISTS (SELECT 1 FROM children c
                  WHERE c.child_id = r.child_id AND c.death_date IS NOT NULL)
