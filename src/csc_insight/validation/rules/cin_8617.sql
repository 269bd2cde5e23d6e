/*
code: "8617"
return: cin_census
message: Code 8A has been returned. This code is not a valid code.
severity: error
fields: [AssessmentFactors]
requires: [assessments.factors]
tests:
  pass:
    assessments: [{assessment_id: X1, child_id: A, start_date: 2022-05-01, factors: "8B"}]
  fail:
    assessments:
      - {assessment_id: X1, child_id: A, start_date: 2022-05-01, factors: "3A,8A"}
      - {assessment_id: X2, child_id: B, start_date: 2022-05-01, factors: "18A,8B"}
      - {assessment_id: X3, child_id: C, start_date: 2022-05-01, factors: "8A"}
  fails: [assessments.csv:2, assessments.csv:4]
*/
SELECT child_id, source_ref, factors
FROM assessments
WHERE source = 'cin_census' AND list_contains(string_split(factors, ','), '8A')
