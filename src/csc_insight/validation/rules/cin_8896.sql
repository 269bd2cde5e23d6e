/*
code: "8896"
return: cin_census
message: Within one CINDetails group there are 2 or more open Assessments groups
severity: error
fields: [AssessmentAuthorisationDate]
requires: [assessments.start_date]
tests:
  pass:
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-01, authorised_date: 2022-05-20}
      - {assessment_id: X2, child_id: A, referral_id: R1, start_date: 2022-05-21}
  fail:
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-01}
      - {assessment_id: X2, child_id: A, referral_id: R1, start_date: 2022-05-21}
      - {assessment_id: X3, child_id: A, referral_id: R1, start_date: 2022-04-21, authorised_date: 2022-04-30}
      - {assessment_id: X4, child_id: A, referral_id: R2, start_date: 2022-05-21}
  fails: [assessments.csv:2, assessments.csv:3]
*/
SELECT child_id, source_ref, start_date
FROM (SELECT *, count(*) OVER (PARTITION BY child_id, referral_id) AS open_assessments
      FROM assessments WHERE source = 'cin_census' AND authorised_date IS NULL)
WHERE open_assessments > 1
