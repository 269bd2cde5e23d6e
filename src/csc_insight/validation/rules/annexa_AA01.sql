/*
code: AA01
return: annex_a
message: The closure date is before the start date (List 6 CIN Closure Date before CIN Start Date; List 7 CP Plan End Date before CP Plan Start Date; List 4 date of authorisation before the assessment start).
severity: error
fields: [CIN Start Date, CIN Closure Date, CP Plan Start Date, CP Plan End Date, Continuous Assessment Start Date, Continuous Assessment Date of Authorisation]
requires: [referrals.referral_date]
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-09-01}]
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-05-01, end_date: 2022-05-01}]
  fail:
    assessments:
      - {assessment_id: X1, child_id: A, start_date: 2022-05-01, authorised_date: 2022-04-30}
      - {assessment_id: X2, child_id: A, start_date: 2022-05-01, authorised_date: 2022-05-01}
    referrals:
      - {referral_id: R1, child_id: B, referral_date: 2022-05-01, closure_date: 2022-04-01}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, closure_date: 2022-04-01, source: cin_census}
    cp_plans:
      - {cp_plan_id: P1, child_id: C, start_date: 2022-05-01, end_date: 2022-04-30}
      - {cp_plan_id: P2, child_id: C, start_date: 2022-05-01}
  fails: [assessments.csv:2, referrals.csv:2, cp_plans.csv:2]
*/
SELECT child_id, source_ref, 'List 6' AS list, referral_date AS start_date, closure_date AS end_date
FROM referrals WHERE source = 'annex_a' AND closure_date < referral_date
UNION ALL
SELECT child_id, source_ref, 'List 7', start_date, end_date
FROM cp_plans WHERE source = 'annex_a' AND end_date < start_date
UNION ALL
SELECT child_id, source_ref, 'List 4', start_date, authorised_date
FROM assessments WHERE source = 'annex_a' AND authorised_date < start_date
