/*
code: "8869"
return: cin_census
message: The assessment factors code “21” cannot be used in conjunction with any other assessment factors.
severity: error
fields: [AssessmentFactors]
requires: [assessments.factors]
differs_from_reference: >
  The reference (csc-validator-be-cin 2022-23) compares an assessment's factors, which it
  reads from the census as a list, with the text "21", so it never flags an assessment of
  a census file (found by test_parity_cin); here an assessment with 21 and any other factor
  is flagged, as the DfE's rule says.
tests:
  pass:
    assessments:
      - {assessment_id: X1, child_id: A, start_date: 2022-05-01, factors: "21"}
      - {assessment_id: X2, child_id: B, start_date: 2022-05-01, factors: "3A,21B"}
  fail:
    assessments:
      - {assessment_id: X1, child_id: A, start_date: 2022-05-01, factors: "21,3A"}
      - {assessment_id: X2, child_id: B, start_date: 2022-05-01, factors: "21"}
  fails: [assessments.csv:2]
*/
SELECT child_id, source_ref, factors
FROM assessments
WHERE source = 'cin_census' AND list_contains(string_split(factors, ','), '21')
  AND len(string_split(factors, ',')) > 1
