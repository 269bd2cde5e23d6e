/*
code: "8925"
return: cin_census
message: Child Protection Plan End Date earlier than Start Date
severity: error
fields: [CPPstartDate, CPPendDate]
requires: [cp_plans.start_date]
note: >
  The CIN census reader sets such a row aside (quarantine, problem end_before_start): the
  rule reads those rows back from the quarantine with the values the file gave, so the
  plan is listed here as the DfE's tool lists it.
tests:
  pass:
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-05-02}]
  fail:
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-04-30}
      - {cp_plan_id: P2, child_id: A, start_date: 2022-06-01}
    quarantine:
      - {file: cin_census.xml, row_number: 40, target: cp_plans, child_id: B, raw: '{"CPPstartDate": "2022-05-01", "CPPendDate": "2022-04-30"}'}
      - {file: a.xlsx, sheet: List 7, row_number: 4, target: cp_plans, child_id: C, raw: '{"Start": "2022-05-01", "End": "2022-04-30"}'}
  fails: [cp_plans.csv:2, cin_census.xml:40]
*/
SELECT child_id, source_ref, start_date, end_date
FROM cp_plans
WHERE source = 'cin_census' AND end_date < start_date
UNION ALL
-- the rows the CIN census reader set aside for this, with the values the file gave
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       TRY_CAST(raw->>'CPPstartDate' AS DATE) AS start_date,
       TRY_CAST(raw->>'CPPendDate' AS DATE) AS end_date
FROM quarantine
WHERE target = 'cp_plans' AND problem = 'end_before_start' AND raw->>'CPPendDate' IS NOT NULL
