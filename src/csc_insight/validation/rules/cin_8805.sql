/*
code: "8805"
return: cin_census
message: A CIN case cannot have a CIN closure date without a Reason for Closure
severity: error
fields: [CINclosureDate, ReasonForClosure]
requires: [referrals.closure_date]
note: >
  A ReasonForClosure outside the list is blanked by the reader (the cell is set aside, problem
  unknown_code); that is rule 8640's failure, not a missing one, so it does not fail here.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC1}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, closure_date: 2022-06-01, source_ref: cin_census.xml:40}
    quarantine:
      - {file: cin_census.xml, row_number: 40, target: referrals, column_name: ReasonForClosure, value: RC0, problem: unknown_code, scope: cell, child_id: C}
  fails: [referrals.csv:2]
*/
SELECT child_id, source_ref, closure_date, closure_reason
FROM referrals
WHERE source = 'cin_census' AND closure_date IS NOT NULL AND closure_reason IS NULL
  AND NOT EXISTS (SELECT 1 FROM quarantine q
                  WHERE q.target = 'referrals' AND q.column_name = 'ReasonForClosure'
                    AND q.file || COALESCE('!' || q.sheet, '') || ':' || q.row_number
                        = referrals.source_ref)
