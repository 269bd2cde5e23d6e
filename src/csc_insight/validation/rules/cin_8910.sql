/*
code: "8910"
return: cin_census
message: Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)
severity: error
fields: [LatestCategoryOfAbuse]
requires: [cp_plans.latest_category]
note: The reader blanks a code outside the list, so a bad code fails here as a blank.
tests:
  pass:
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01, latest_category: MUL}]
  fail:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-05-01, latest_category: NEG}
      - {cp_plan_id: P2, child_id: B, start_date: 2022-05-01}
      - {cp_plan_id: P3, child_id: C, start_date: 2022-05-01, latest_category: SEX}
  fails: [cp_plans.csv:3, cp_plans.csv:4]
*/
SELECT child_id, source_ref, latest_category
FROM cp_plans
WHERE source = 'cin_census'
  AND (latest_category IS NULL OR latest_category NOT IN ('NEG', 'PHY', 'SAB', 'EMO', 'MUL'))
