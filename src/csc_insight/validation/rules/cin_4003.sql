/*
code: "4003"
return: cin_census
message: A CPP review date is shown as being held at the same time as an open CIN Plan.
severity: error
fields: [CINPlanStartDate, CINPlanEndDate, CPPreviewDate]
requires: [cp_reviews.review_date, cin_plans.start_date]
note: >
  The review fails, as the one to correct; the reference flags the plans too.
differs_from_reference: >
  The reference reads only the first CPPreviewDate of each plan's Reviews (its table has
  one row per Reviews block); here every review date is checked.
tests:
  pass:
    cin_plans: [{cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}]
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-06-01, end_date: 2022-09-01}]
    cp_reviews: [{cp_plan_id: P1, child_id: A, review_date: 2022-06-01}]
  fail:
    cin_plans:
      - {cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}
      - {cin_plan_id: C2, child_id: B, start_date: 2022-05-01, end_date: 2022-09-01}
      - {cin_plan_id: C3, child_id: C, start_date: 2022-05-01}
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-04-01, end_date: 2022-09-01}
      - {cp_plan_id: P2, child_id: B, start_date: 2022-04-01, end_date: 2022-06-01}
      - {cp_plan_id: P3, child_id: C, start_date: 2022-04-01, end_date: 2022-06-01}
    cp_reviews:
      - {cp_plan_id: P1, child_id: A, review_date: 2022-05-15}
      - {cp_plan_id: P1, child_id: A, review_date: 2022-06-01}
      - {cp_plan_id: P2, child_id: B, review_date: 2022-06-01}
      - {cp_plan_id: P3, child_id: C, review_date: 2022-05-15}
  fails: [cp_reviews.csv:2]
*/
SELECT r.child_id, r.source_ref, r.review_date, c.start_date AS cin_plan_start, c.end_date AS cin_plan_end
FROM cp_reviews r
JOIN cp_plans p ON p.child_id = r.child_id AND p.cp_plan_id = r.cp_plan_id
JOIN cin_plans c ON c.child_id = r.child_id
WHERE r.source = 'cin_census' AND p.source = 'cin_census' AND c.source = 'cin_census'
  AND r.review_date >= c.start_date AND r.review_date < c.end_date
  AND p.end_date IS NOT NULL AND r.review_date <> p.end_date
