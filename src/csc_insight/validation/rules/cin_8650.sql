/*
code: "8650"
return: cin_census
message: Primary Need Code invalid (see Primary Need table in CIN census code set)
severity: error
fields: [PrimaryNeedCode]
requires: [referrals.referral_date]
note: >
  The reader blanks a code outside its list and sets the cell aside (quarantine, problem
  unknown_code): the rule reads those back with the value the file gave. A blank passes.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, primary_need: N0}]
  fail:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, primary_need: N9}]
    quarantine:
      - {file: cin_census.xml, row_number: 41, target: referrals, column_name: PrimaryNeedCode, value: N10, problem: unknown_code, scope: cell, child_id: C}
      - {file: cin_census.xml, row_number: 40, target: referrals, column_name: ReasonForClosure, value: RC10, problem: unknown_code, scope: cell, child_id: B}
  fails: [cin_census.xml:41]
*/
SELECT child_id, source_ref, primary_need
FROM referrals
WHERE source = 'cin_census' AND primary_need NOT IN ('N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6',
    'N7', 'N8', 'N9')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'referrals' AND column_name = 'PrimaryNeedCode' AND problem IN ('unknown_code')
