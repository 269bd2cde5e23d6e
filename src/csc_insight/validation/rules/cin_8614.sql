/*
code: "8614"
return: cin_census
message: Parental or child factors at assessment should only be present for a completed assessment.
severity: error
fields: [AssessmentAuthorisationDate, AssessmentFactors]
requires: [assessments.factors]
differs_from_reference: >
  The reference (csc-validator-be-cin 2022-23) stops with an error on a census file
  (TypeError: unhashable type 'list': it reads an assessment's factors as a list), so it
  never flags an assessment (found by test_parity_cin); here an assessment with factors
  and no authorisation date is flagged.
tests:
  pass:
    assessments: [{assessment_id: X1, child_id: A, start_date: 2022-05-01, authorised_date: 2022-06-01, factors: "3A"}]
  fail:
    assessments:
      - {assessment_id: X1, child_id: A, start_date: 2022-05-01, authorised_date: 2022-06-01, factors: "3A"}
      - {assessment_id: X2, child_id: B, start_date: 2022-05-01, factors: "3A"}
      - {assessment_id: X3, child_id: C, start_date: 2022-05-01}
  fails: [assessments.csv:3]
*/
SELECT child_id, source_ref, authorised_date, factors
FROM assessments
WHERE source = 'cin_census' AND authorised_date IS NULL AND factors IS NOT NULL
