/*
code: "441"
return: ssda903
message: Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.
severity: error
fields: [DOB, REVIEW, REVIEW_CODE]
requires: [cla_reviews.review_date, children.dob]
tests:
  pass:
    children: [{child_id: A, dob: 2018-06-01}]
    cla_reviews: [{child_id: A, review_date: 2022-06-01, review_code: PN1}]
  fail:
    children: [{child_id: A, dob: 2018-06-01}]
    cla_reviews:
      - {child_id: A, review_date: 2022-05-31, review_code: PN1}
      - {child_id: A, review_date: 2022-05-30, review_code: PN0}
  fails: [cla_reviews.csv:2]
*/
SELECT r.child_id, r.source_ref, r.review_date, r.review_code, c.dob
FROM cla_reviews r JOIN children c ON c.child_id = r.child_id
WHERE r.source = 'ssda903' AND r.review_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')
  AND r.review_date < c.dob + INTERVAL 4 YEAR
