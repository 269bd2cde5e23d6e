/*
code: "167"
return: ssda903
message: Data entry for participation is invalid or blank.
severity: error
fields: [REVIEW_CODE]
requires: [cla_reviews.review_date]
note: >
  The reader sets a review with a REVIEW_CODE outside its list aside (quarantine, problem
  unknown_code): the rule reads those rows back with the value the file gave.
tests:
  pass:
    cla_reviews: [{child_id: A, review_date: 2022-06-01, review_code: PN1}]
  fail:
    cla_reviews:
      - {child_id: A, review_date: 2022-06-01, review_code: PN7}
      - {child_id: A, review_date: 2022-09-01}
      - {child_id: B, review_date: 2022-09-01, review_code: PN8}
    quarantine:
      - {file: reviews.csv, row_number: 9, target: cla_reviews, column_name: REVIEW_CODE, value: PN9, problem: unknown_code, child_id: Q}
  fails: [cla_reviews.csv:3, cla_reviews.csv:4, reviews.csv:9]
*/
SELECT child_id, source_ref, review_date, review_code
FROM cla_reviews
WHERE source = 'ssda903'
  AND (review_code IS NULL
    OR review_code NOT IN ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'))
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       NULL, value
FROM quarantine
WHERE target = 'cla_reviews' AND column_name = 'REVIEW_CODE' AND problem IN ('unknown_code')
