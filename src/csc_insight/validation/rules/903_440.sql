/*
code: "440"
return: ssda903
message: Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.
severity: error
fields: [DOB, REVIEW, REVIEW_CODE]
requires: [cla_reviews.review_date, children.dob]
note: As in the reference, a review on the 4th birthday itself may still be PN0.
tests:
  pass:
    children: [{child_id: A, dob: 2018-06-01}]
    cla_reviews: [{child_id: A, review_date: 2022-06-01, review_code: PN0}]
  fail:
    children: [{child_id: A, dob: 2018-06-01}]
    cla_reviews:
      - {child_id: A, review_date: 2022-06-02, review_code: PN0}
      - {child_id: A, review_date: 2022-09-01, review_code: PN1}
  fails: [cla_reviews.csv:2]
*/
SELECT r.child_id, r.source_ref, r.review_date, r.review_code, c.dob
FROM cla_reviews r JOIN children c ON c.child_id = r.child_id
WHERE r.source = 'ssda903' AND r.review_code = 'PN0'
  AND r.review_date > c.dob + INTERVAL 4 YEAR
