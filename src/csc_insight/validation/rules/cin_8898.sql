/*
code: "8898"
return: cin_census
message: " The assessment has more than one parental or child factors with the same code"
severity: error
fields: [AssessmentFactors]
requires: [assessments.factors]
differs_from_reference: >
  The reference (csc-validator-be-cin 2022-23) stops with an error on a census file
  (TypeError: unhashable type 'list': it reads an assessment's factors as a list), so it
  never flags an assessment (found by test_parity_cin); here an assessment with the same
  factor twice is flagged.
tests:
  pass:
    assessments: [{assessment_id: X1, child_id: A, start_date: 2022-05-01, factors: "3A,3B"}]
  fail:
    assessments:
      - {assessment_id: X1, child_id: A, start_date: 2022-05-01, factors: "3A,3B"}
      - {assessment_id: X2, child_id: B, start_date: 2022-05-01, factors: "3A,3B,3A"}
  fails: [assessments.csv:3]
*/
SELECT child_id, source_ref, factors
FROM assessments
WHERE source = 'cin_census'
  AND len(string_split(factors, ',')) > len(list_distinct(string_split(factors, ',')))
