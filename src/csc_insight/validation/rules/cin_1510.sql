/*
code: "1510"
return: cin_census
message: UPN invalid (wrong check letter at character 1)
severity: error
fields: [UPN]
requires: [children.upn]
note: >
  Children whose merged row comes from the CIN census (a child also in other returns keeps
  the census's row). A 13-character UPN whose last 12 are digits: its first letter must be
  the check letter of those digits.
tests:
  pass:
    children: [{child_id: A, upn: T210438804483}, {child_id: B, upn: A12345678901B}]
  fail:
    children:
      - {child_id: A, upn: T210438804483}
      - {child_id: B, upn: A210438804483}
      - {child_id: C, upn: A12345678901B}
      - {child_id: D, upn: A210438804483, source: ssda903}
  fails: [children.csv:3]
*/
SELECT child_id, source_ref, upn, check_letter
FROM (SELECT *, substr('ABCDEFGHJKLMNPQRTUVWXYZ',
                       CAST(list_sum(list_transform(range(2, 14),
                                x -> TRY_CAST(substr(upn, x, 1) AS INTEGER) * x)) % 23 + 1 AS BIGINT),
                       1) AS check_letter
      FROM children
      WHERE source = 'cin_census' AND length(upn) = 13
        AND regexp_full_match(substr(upn, 2), '[0-9]{12}'))
WHERE substr(upn, 1, 1) <> check_letter
