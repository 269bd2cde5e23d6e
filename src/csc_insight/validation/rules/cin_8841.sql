/*
code: "8841"
return: cin_census
message: The review date cannot be on the same day or before the Child protection Plan start date.
severity: error
fields: [CPPstartDate, CPPreviewDate]
requires: [cp_reviews.review_date, cp_plans.start_date]
tests:
  pass:
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01}]
    cp_reviews: [{cp_plan_id: P1, child_id: A, review_date: 2022-05-02}]
  fail:
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01}]
    cp_reviews:
      - {cp_plan_id: P1, child_id: A, review_date: 2022-05-01}
      - {cp_plan_id: P1, child_id: A, review_date: 2022-07-01}
  fails: [cp_reviews.csv:2]
*/
SELECT r.child_id, r.source_ref, p.start_date, r.review_date
FROM cp_reviews r
JOIN cp_plans p ON p.child_id = r.child_id AND p.cp_plan_id = r.cp_plan_id
WHERE r.source = 'cin_census' AND p.source = 'cin_census' AND r.review_date <= p.start_date
