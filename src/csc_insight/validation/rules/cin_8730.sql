/*
code: "8730"
return: cin_census
message: Total Number of previous Child Protection Plans missing
severity: error
fields: [NumberOfPreviousCPP]
requires: [cp_plans.start_date]
note: >
  A number the reader cannot read is set aside (quarantine) and blank here, so it fails as
  missing.
tests:
  pass:
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01, previous_plans: 0}]
  fail:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-05-01, previous_plans: 0}
      - {cp_plan_id: P2, child_id: B, start_date: 2022-05-01}
      - {cp_plan_id: P3, child_id: C, start_date: 2022-05-01, previous_plans: -1}
  fails: [cp_plans.csv:3, cp_plans.csv:4]
*/
SELECT child_id, source_ref, previous_plans
FROM cp_plans
WHERE source = 'cin_census' AND (previous_plans IS NULL OR previous_plans < 0)
