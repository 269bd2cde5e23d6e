/*
code: AA03
return: annex_a
message: List 7 shows the child on two child protection plans at the same time; a child has one plan open at a time.
severity: error
fields: [CP Plan Start Date, CP Plan End Date]
requires: [cp_plans.start_date]
tests:
  pass:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-01-01, end_date: 2022-05-01}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-05-01}
  fail:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-01-01}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-05-01}
      - {cp_plan_id: P3, child_id: B, start_date: 2022-01-01, end_date: 2022-05-01}
      - {cp_plan_id: P4, child_id: B, start_date: 2022-04-01}
      - {cp_plan_id: P5, child_id: C, start_date: 2022-01-01, end_date: 2022-05-01}
      - {cp_plan_id: P6, child_id: C, start_date: 2022-05-01}
  fails: [cp_plans.csv:3, cp_plans.csv:5]
*/
SELECT b.child_id, b.source_ref, a.start_date AS other_start, a.end_date AS other_end,
       b.start_date, b.end_date
FROM cp_plans a
JOIN cp_plans b ON a.child_id = b.child_id AND a.start_date < b.start_date
    AND (a.end_date IS NULL OR a.end_date > b.start_date)
WHERE a.source = 'annex_a' AND b.source = 'annex_a'
