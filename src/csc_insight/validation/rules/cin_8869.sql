/*
code: "8869"
return: cin_census
message: The assessment factors code “21” cannot be used in conjunction with any other assessment factors.
severity: error
fields: [AssessmentFactors]
requires: [assessments.factors]
tests:
  pass:
    assessments: [{assessment_id: X1, child_id: A, start_date: 2022-05-01, factors: "21"}]
  fail:
    assessments: [{assessment_id: X1, child_id: A, start_date: 2022-05-01, factors: "21,3A"}]
*/
SELECT child_id, source_ref, factors
FROM assessments
WHERE source = 'cin_census' AND list_contains(string_split(factors, ','), '21')
  AND len(string_split(factors, ',')) > 1
