/*
code: "8940"
return: cin_census
message: Child Protection Plan data contains overlapping dates
severity: error
fields: [CPPstartDate, CPPendDate]
requires: [cp_plans.start_date]
note: >
  As in the reference, a plan starting on or between another plan's start and end date
  (or, for an open plan, on or before the census reference date) overlaps it; both plans'
  rows are flagged.
tests:
  pass:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-01-01, end_date: 2022-05-01}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-05-02}
  fail:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-01-01, end_date: 2022-05-01}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-05-01}
      - {cp_plan_id: P3, child_id: B, start_date: 2022-05-01}
  fails: [cp_plans.csv:2, cp_plans.csv:3]
*/
WITH pairs AS (
    SELECT a.child_id, a.source_ref AS later_ref, b.source_ref AS earlier_ref
    FROM cp_plans a
    JOIN cp_plans b ON a.child_id = b.child_id AND a.cp_plan_id <> b.cp_plan_id
        AND a.start_date >= b.start_date
        AND (a.start_date <= b.end_date OR (b.end_date IS NULL AND a.start_date <= :year_end))
    WHERE a.source = 'cin_census' AND b.source = 'cin_census'
)
SELECT DISTINCT child_id, source_ref
FROM (SELECT child_id, later_ref AS source_ref FROM pairs
      UNION ALL SELECT child_id, earlier_ref FROM pairs)
