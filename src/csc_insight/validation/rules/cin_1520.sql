/*
code: "1520"
return: cin_census
message: More than one record with the same UPN.
severity: error
fields: [UPN]
requires: [children.upn]
note: >
  Children whose merged row comes from the CIN census (a child also in other returns keeps
  the census's row).
tests:
  pass:
    children: [{child_id: A, upn: T210438804483}, {child_id: B, upn: A12345678901B}]
  fail:
    children:
      - {child_id: A, upn: T210438804483}
      - {child_id: B, upn: T210438804483}
      - {child_id: C, upn: A12345678901B}
      - {child_id: D, upn: A12345678901B, source: ssda903}
  fails: [children.csv:2, children.csv:3]
*/
SELECT child_id, source_ref, upn
FROM (SELECT *, count(*) OVER (PARTITION BY upn) AS same
      FROM children WHERE source = 'cin_census' AND upn IS NOT NULL)
WHERE same > 1
