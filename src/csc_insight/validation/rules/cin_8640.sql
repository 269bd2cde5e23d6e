/*
code: "8640"
return: cin_census
message: CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)
severity: error
fields: [ReasonForClosure]
requires: [referrals.referral_date]
note: >
  The reader blanks a code outside its list and sets the cell aside (quarantine, problem
  unknown_code): the rule reads those back with the value the file gave. A blank passes.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC1}]
  fail:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-06-01, closure_reason: RC9}]
    quarantine:
      - {file: cin_census.xml, row_number: 40, target: referrals, column_name: ReasonForClosure, value: RC10, problem: unknown_code, scope: cell, child_id: B}
      - {file: cin_census.xml, row_number: 41, target: referrals, column_name: PrimaryNeedCode, value: N10, problem: unknown_code, scope: cell, child_id: C}
  fails: [cin_census.xml:40]
*/
SELECT child_id, source_ref, closure_reason
FROM referrals
WHERE source = 'cin_census' AND closure_reason NOT IN ('RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6',
    'RC7', 'RC8', 'RC9')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'referrals' AND column_name = 'ReasonForClosure' AND problem IN ('unknown_code')
