/*
code: "209"
return: ssda903
message: Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.
severity: error
fields: [UPN, DOB]
requires: [children.upn_unknown]
note: The Header's 'UPN unknown' code is in upn_unknown (rule 168).
tests:
  pass:
    children: [{child_id: A, dob: 2017-09-01, upn_unknown: UN1}, {child_id: B, dob: 2010-01-01, upn_unknown: UN2}]
  fail:
    children:
      - {child_id: A, dob: 2017-09-01, upn_unknown: UN1}
      - {child_id: B, dob: 2017-08-31, upn_unknown: UN1}
      - {child_id: C, dob: 2017-08-31, upn_unknown: UN2}
  fails: [children.csv:3]
*/
SELECT child_id, source_ref, upn_unknown AS upn, dob
FROM children
WHERE source = 'ssda903' AND upn_unknown = 'UN1'
  AND make_date(year(:year_start) - 1, 8, 31) >= dob + INTERVAL 4 YEAR
