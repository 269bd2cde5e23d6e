/*
code: "8863Q"
return: cin_census
message: An Assessment is shown as starting when there is another Assessment ongoing.
severity: query
fields: [AssessmentActualStartDate, AssessmentAuthorisationDate]
requires: [assessments.start_date]
note: >
  Both assessments fail, as in the reference; two with the same dates are left to the
  duplicate checks.
tests:
  pass:
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-01, authorised_date: 2022-05-20}
      - {assessment_id: X2, child_id: A, referral_id: R1, start_date: 2022-05-21}
  fail:
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-01, authorised_date: 2022-05-20}
      - {assessment_id: X2, child_id: A, referral_id: R1, start_date: 2022-05-20}
      - {assessment_id: X3, child_id: B, referral_id: R2, start_date: 2022-05-01}
      - {assessment_id: X4, child_id: B, referral_id: R3, start_date: 2022-06-01}
  fails: [assessments.csv:2, assessments.csv:3]
*/
WITH pairs AS (
    SELECT a.child_id, a.source_ref AS later_ref, b.source_ref AS earlier_ref
    FROM assessments a
    JOIN assessments b ON a.child_id = b.child_id AND a.referral_id = b.referral_id
        AND a.assessment_id <> b.assessment_id
        AND NOT (a.start_date = b.start_date
                 AND a.authorised_date IS NOT DISTINCT FROM b.authorised_date)
        AND a.start_date >= b.start_date
        AND (a.start_date <= b.authorised_date
             OR (b.authorised_date IS NULL AND a.start_date <= :year_end))
    WHERE a.source = 'cin_census' AND b.source = 'cin_census'
)
SELECT DISTINCT child_id, source_ref
FROM (SELECT child_id, later_ref AS source_ref FROM pairs
      UNION ALL SELECT child_id, earlier_ref FROM pairs)
