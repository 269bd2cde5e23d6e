/*
code: "8816"
return: cin_census
message: An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.
severity: error
fields: [CINreferralDate, ReferralNFA]
requires: [referrals.referral_date]
note: >
  The open episode and the child's latest, as in the reference.
tests:
  pass:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, nfa: false}
      - {referral_id: R2, child_id: A, referral_date: 2022-07-01, nfa: false}
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: A, referral_date: 2022-07-01, closure_date: 2022-08-01, nfa: false}
      - {referral_id: R3, child_id: B, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R4, child_id: B, referral_date: 2022-07-01, nfa: false}
  fails: [referrals.csv:2, referrals.csv:3]
*/
WITH ranked AS (
    SELECT *, arg_max(source_ref, referral_date) OVER (PARTITION BY child_id) AS latest_ref
    FROM referrals WHERE source = 'cin_census' AND referral_date IS NOT NULL
), open_not_latest AS (
    SELECT child_id, source_ref, latest_ref FROM ranked
    WHERE closure_date IS NULL AND nfa IS FALSE AND source_ref <> latest_ref
)
SELECT child_id, source_ref FROM open_not_latest
UNION
SELECT child_id, latest_ref FROM open_not_latest
