/*
code: "8608"
return: cin_census
message: Assessment Start Date cannot be later than its End Date
severity: error
fields: [AssessmentActualStartDate, AssessmentAuthorisationDate]
requires: [assessments.authorised_date]
note: >
  The CIN census reader sets such a row aside (quarantine, problem end_before_start): the
  rule reads those rows back from the quarantine with the values the file gave, so the
  assessment is listed here as the DfE's tool lists it.
tests:
  pass:
    assessments: [{assessment_id: X1, child_id: A, start_date: 2022-05-01, authorised_date: 2022-05-01}]
  fail:
    assessments: [{assessment_id: X1, child_id: A, start_date: 2022-05-01, authorised_date: 2022-04-30}]
    quarantine:
      - {file: cin_census.xml, row_number: 40, target: assessments, child_id: B, raw: '{"AssessmentActualStartDate": "2022-05-01", "AssessmentAuthorisationDate": "2022-04-30"}'}
      - {file: a.xlsx, sheet: List 3, row_number: 4, target: assessments, child_id: C, raw: '{"Start date": "2022-05-01", "Completed": "2022-04-30"}'}
  fails: [assessments.csv:2, cin_census.xml:40]
*/
SELECT child_id, source_ref, start_date, authorised_date
FROM assessments
WHERE source = 'cin_census' AND start_date > authorised_date
UNION ALL
-- the rows the CIN census reader set aside for this, with the values the file gave
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       TRY_CAST(raw->>'AssessmentActualStartDate' AS DATE) AS start_date,
       TRY_CAST(raw->>'AssessmentAuthorisationDate' AS DATE) AS authorised_date
FROM quarantine
WHERE target = 'assessments' AND problem = 'end_before_start' AND raw->>'AssessmentAuthorisationDate' IS NOT NULL
