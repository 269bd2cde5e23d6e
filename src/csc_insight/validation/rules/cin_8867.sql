/*
code: "8867"
return: cin_census
message: CIN episode is shown as closed, however Assessment is not shown as completed
severity: error
fields: [CINclosureDate, AssessmentAuthorisationDate]
requires: [referrals.closure_date, assessments.start_date]
differs_from_reference: >
  The reference (csc-validator-be-cin) also flags a closed episode with no assessment at all
  (its left join leaves the authorisation date blank); the rule speaks of "all instances of
  the Assessments group", so a closed episode with none (an NFA referral, say) passes here.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-09-01}]
    assessments: [{assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02, authorised_date: 2022-06-01}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-09-01}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, closure_date: 2023-09-01}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01}
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02}
      - {assessment_id: X2, child_id: A, referral_id: R1, start_date: 2022-05-03, authorised_date: 2022-06-01}
      - {assessment_id: X3, child_id: B, referral_id: R2, start_date: 2022-05-02}
      - {assessment_id: X4, child_id: C, referral_id: R3, start_date: 2022-05-02}
  fails: [assessments.csv:2]
*/
SELECT a.child_id, a.source_ref, r.closure_date, a.start_date, a.authorised_date
FROM referrals r
JOIN assessments a ON a.child_id = r.child_id AND a.referral_id = r.referral_id
WHERE r.source = 'cin_census' AND a.source = 'cin_census'
  AND r.closure_date BETWEEN :year_start AND :year_end AND a.authorised_date IS NULL
