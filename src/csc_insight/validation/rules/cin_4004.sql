/*
code: "4004"
return: cin_census
message: This child is showing more than one open CIN Plan, i.e. with no End Date
severity: error
fields: [CINPlanEndDate]
requires: [cin_plans.start_date]
differs_from_reference: >
  The reference (csc-validator-be-cin) counts open plans within one CINdetails and then
  flags every plan of that episode, closed ones too; here each open plan of a child with
  two or more open plans is flagged, whichever episodes they belong to, as the message says.
tests:
  pass:
    cin_plans:
      - {cin_plan_id: P1, child_id: A, start_date: 2022-01-01, end_date: 2022-05-01}
      - {cin_plan_id: P2, child_id: A, start_date: 2022-05-02}
  fail:
    cin_plans:
      - {cin_plan_id: P1, child_id: A, start_date: 2022-01-01}
      - {cin_plan_id: P2, child_id: A, start_date: 2022-05-02}
      - {cin_plan_id: P3, child_id: B, start_date: 2022-05-02}
  fails: [cin_plans.csv:2, cin_plans.csv:3]
*/
SELECT child_id, source_ref, start_date
FROM (SELECT *, count(*) OVER (PARTITION BY child_id) AS open_plans
      FROM cin_plans WHERE source = 'cin_census' AND end_date IS NULL)
WHERE open_plans > 1
