/*
code: "4014"
return: cin_census
message: CIN Plan data contains overlapping dates
severity: error
fields: [CINPlanStartDate, CINPlanEndDate]
requires: [cin_plans.start_date]
note: >
  Both plans fail, as in the reference: one starting on or after another's start and on or
  before its end (or, the other open, by the end of the collection year).
tests:
  pass:
    cin_plans:
      - {cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}
      - {cin_plan_id: C2, child_id: A, start_date: 2022-06-02}
  fail:
    cin_plans:
      - {cin_plan_id: C1, child_id: A, start_date: 2022-05-01, end_date: 2022-06-01}
      - {cin_plan_id: C2, child_id: A, start_date: 2022-06-01}
      - {cin_plan_id: C3, child_id: B, start_date: 2022-05-01}
      - {cin_plan_id: C4, child_id: B, start_date: 2023-05-01}
      - {cin_plan_id: C5, child_id: C, start_date: 2022-05-01, end_date: 2022-06-01}
  fails: [cin_plans.csv:2, cin_plans.csv:3]
*/
WITH pairs AS (
    SELECT a.child_id, a.source_ref AS later_ref, b.source_ref AS earlier_ref
    FROM cin_plans a
    JOIN cin_plans b ON a.child_id = b.child_id AND a.cin_plan_id <> b.cin_plan_id
        AND a.start_date >= b.start_date
        AND (a.start_date <= b.end_date OR (b.end_date IS NULL AND a.start_date <= :year_end))
    WHERE a.source = 'cin_census' AND b.source = 'cin_census'
)
SELECT DISTINCT child_id, source_ref
FROM (SELECT child_id, later_ref AS source_ref FROM pairs
      UNION ALL SELECT child_id, earlier_ref FROM pairs)
