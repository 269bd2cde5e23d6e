/*
code: "8610"
return: cin_census
message: Primary Need code is missing for a referral which led to further action.
severity: error
fields: [ReferralNFA, PrimaryNeedCode]
requires: [referrals.primary_need]
note: >
  A PrimaryNeedCode outside the list is blanked by the reader (the cell is set aside, problem
  unknown_code); that is rule 8650's failure, not a missing one, so it does not fail here.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false, primary_need: N1}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, nfa: false, source_ref: cin_census.xml:40}
    quarantine:
      - {file: cin_census.xml, row_number: 40, target: referrals, column_name: PrimaryNeedCode, value: N10, problem: unknown_code, scope: cell, child_id: C}
  fails: [referrals.csv:2]
*/
SELECT child_id, source_ref, nfa, primary_need
FROM referrals
WHERE source = 'cin_census' AND nfa IS FALSE AND primary_need IS NULL
  AND NOT EXISTS (SELECT 1 FROM quarantine q
                  WHERE q.target = 'referrals' AND q.column_name = 'PrimaryNeedCode'
                    AND q.file || COALESCE('!' || q.sheet, '') || ':' || q.row_number
                        = referrals.source_ref)
