/*
code: XR03
return: cross_return
message: A referral in Annex A List 3 is not in the CIN census for the same child and date.
severity: query
fields: [Date of referral, CINreferralDate]
requires: [referrals.referral_date]
note: >
  A referral in both returns is merged into one row keeping the census as its source
  (store/merge.py); one still marked annex_a came from Annex A alone. Checked for referrals
  within the collection year when the snapshot holds a CIN census.
tests:
  pass:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, source: cin_census}
      - {referral_id: R2, child_id: B, referral_date: 2021-05-01, source: annex_a}
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, source: cin_census}
      - {referral_id: R2, child_id: B, referral_date: 2022-06-01, source: annex_a}
      - {referral_id: R3, child_id: C, referral_date: 2022-03-31, source: annex_a}
  fails: [referrals.csv:3]
*/
SELECT child_id, source_ref, referral_date
FROM referrals
WHERE source = 'annex_a' AND referral_date BETWEEN :year_start AND :year_end
  AND EXISTS (SELECT 1 FROM referrals WHERE source = 'cin_census')
