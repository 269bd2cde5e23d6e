/*
code: "8608"
return: cin_census
message: Assessment Start Date cannot be later than its End Date
severity: error
fields: [AssessmentActualStartDate, AssessmentAuthorisationDate]
requires: [assessments.authorised_date]
tests:
  pass:
    assessments: [{assessment_id: X1, child_id: A, start_date: 2022-05-01, authorised_date: 2022-05-01}]
  fail:
    assessments: [{assessment_id: X1, child_id: A, start_date: 2022-05-01, authorised_date: 2022-04-30}]
*/
SELECT child_id, source_ref, start_date, authorised_date
FROM assessments
WHERE source = 'cin_census' AND start_date > authorised_date
