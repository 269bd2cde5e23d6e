/*
code: "8873Q"
return: cin_census
message: "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used."
severity: query
fields: [ReasonForClosure, AssessmentFactors]
requires: [assessments.factors]
note: >
  The episode fails, as the row to correct or explain (the reference flags the assessment
  too). As in the reference, an episode still open (no reason for closure yet) fails.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC8}]
    assessments: [{assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02, authorised_date: 2022-05-20, factors: "21"}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R4, child_id: D, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC7}
      - {referral_id: R5, child_id: E, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC9}
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02, authorised_date: 2022-05-20, factors: "21"}
      - {assessment_id: X2, child_id: B, referral_id: R2, start_date: 2022-05-02, authorised_date: 2022-05-20, factors: "21"}
      - {assessment_id: X3, child_id: C, referral_id: R3, start_date: 2022-05-02, authorised_date: 2022-05-20, factors: "21"}
      - {assessment_id: X4, child_id: C, referral_id: R3, start_date: 2022-05-22, authorised_date: 2022-05-29, factors: "21"}
      - {assessment_id: X5, child_id: D, referral_id: R4, start_date: 2022-05-02, authorised_date: 2022-05-20, factors: "1A,2B"}
      - {assessment_id: X6, child_id: E, referral_id: R5, start_date: 2022-05-02, authorised_date: 2022-05-20, factors: "21"}
  fails: [referrals.csv:2, referrals.csv:3]
*/
SELECT r.child_id, r.source_ref, r.closure_reason, a.factors
FROM referrals r
JOIN assessments a ON a.child_id = r.child_id AND a.referral_id = r.referral_id
WHERE r.source = 'cin_census' AND a.source = 'cin_census'
  AND list_contains(string_split(a.factors, ','), '21')
  AND r.closure_reason IS DISTINCT FROM 'RC8' AND r.closure_reason IS DISTINCT FROM 'RC9'
  AND NOT EXISTS (SELECT 1 FROM assessments o WHERE o.source = 'cin_census'
                  AND o.child_id = a.child_id AND o.referral_id = a.referral_id
                  AND o.assessment_id <> a.assessment_id)
