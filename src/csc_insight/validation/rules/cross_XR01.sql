/*
code: XR01
return: cross_return
message: A child protection plan in Annex A List 7 is not in the CIN census for the same child and start date.
severity: query
fields: [CP Plan Start Date, CPPstartDate]
requires: [cp_plans.start_date]
differs_from_reference: >
  Asked for the other way round too (a census plan missing from List 7), but a plan in both
  returns is merged into one row that keeps the census as its source (store/merge.py), so
  only a plan that came from Annex A alone can be seen. Checked only for plans starting
  within the collection year and when the snapshot holds a CIN census.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: Z, referral_date: 2022-05-01, source: cin_census}]
    cp_plans: [{cp_plan_id: P1, child_id: A, start_date: 2022-06-01, source: cin_census}]
  fail:
    referrals: [{referral_id: R1, child_id: Z, referral_date: 2022-05-01, source: cin_census}]
    cp_plans:
      - {cp_plan_id: P1, child_id: A, start_date: 2022-06-01, source: annex_a}
      - {cp_plan_id: P2, child_id: B, start_date: 2022-06-01, source: cin_census}
      - {cp_plan_id: P3, child_id: C, start_date: 2022-03-31, source: annex_a}
  fails: [cp_plans.csv:2]
*/
SELECT child_id, source_ref, start_date
FROM cp_plans
WHERE source = 'annex_a' AND start_date BETWEEN :year_start AND :year_end
  AND EXISTS (SELECT 1 FROM referrals WHERE source = 'cin_census')
