/*
code: "8630"
return: cin_census
message: CIN Closure Date is before CIN Referral Date for the same CIN episode
severity: error
fields: [CINreferralDate, CINclosureDate]
requires: [referrals.referral_date]
note: >
  The CIN census reader sets such a row aside (quarantine, problem end_before_start): the
  rule reads those rows back from the quarantine with the values the file gave, so the
  episode is listed here as the DfE's tool lists it.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-05-01, closure_reason: RC8}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-04-30, closure_reason: RC8}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01}
    quarantine:
      - {file: cin_census.xml, row_number: 40, target: referrals, child_id: B, raw: '{"CINreferralDate": "2022-05-01", "CINclosureDate": "2022-04-30"}'}
      - {file: a.xlsx, sheet: List 3, row_number: 4, target: referrals, child_id: C, raw: '{"Start": "2022-05-01", "End": "2022-04-30"}'}
  fails: [referrals.csv:2, cin_census.xml:40]
*/
SELECT child_id, source_ref, referral_date, closure_date
FROM referrals
WHERE source = 'cin_census' AND closure_date < referral_date
UNION ALL
-- the rows the CIN census reader set aside for this, with the values the file gave
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       TRY_CAST(raw->>'CINreferralDate' AS DATE) AS referral_date,
       TRY_CAST(raw->>'CINclosureDate' AS DATE) AS closure_date
FROM quarantine
WHERE target = 'referrals' AND problem = 'end_before_start' AND raw->>'CINclosureDate' IS NOT NULL
