/*
code: "167"
return: ssda903
message: Data entry for participation is invalid or blank.
severity: error
fields: [REVIEW_CODE]
requires: [cla_reviews.review_date]
note: The reader blanks a REVIEW_CODE outside the list, so a bad code fails here as a blank.
tests:
  pass:
    cla_reviews: [{child_id: A, review_date: 2022-06-01, review_code: PN1}]
  fail:
    cla_reviews:
      - {child_id: A, review_date: 2022-06-01, review_code: PN7}
      - {child_id: A, review_date: 2022-09-01}
      - {child_id: B, review_date: 2022-09-01, review_code: PN8}
  fails: [cla_reviews.csv:3, cla_reviews.csv:4]
*/
SELECT child_id, source_ref, review_date, review_code
FROM cla_reviews
WHERE source = 'ssda903'
  AND (review_code IS NULL
    OR review_code NOT IN ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'))
