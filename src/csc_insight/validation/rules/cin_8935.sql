/*
code: "8935"
return: cin_census
message: This child is showing more than one open Child Protection plan, i.e. with no End Date
severity: error
fields: [CPPendDate]
requires: [cp_plans.start_date]
differs_from_reference: >
  The reference (csc-validator-be-cin 2022-23) fills the blank end dates with 1 and then
  keeps those greater than 1, so it never flags a child; here each open plan of a child
  with two or more is flagged, as the DfE's rule says.
tests:
  pass:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-01-01, end_date: 2022-05-01}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-05-02}
  fail:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-01-01}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-05-02}
      - {cp_plan_id: P3, child_id: B, start_date: 2022-05-02}
  fails: [cp_plans.csv:2, cp_plans.csv:3]
*/
SELECT child_id, source_ref, start_date
FROM (SELECT *, count(*) OVER (PARTITION BY child_id) AS open_plans
      FROM cp_plans WHERE source = 'cin_census' AND end_date IS NULL)
WHERE open_plans > 1
