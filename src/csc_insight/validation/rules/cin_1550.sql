/*
code: "1550"
return: cin_census
message: UPN invalid (character 13 not a recognised value)
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
      - {child_id: B, upn: A12345678901I}
      - {child_id: C, upn: A12345678901S}
      - {child_id: D, upn: A1234567890S}
  fails: [children.csv:3, children.csv:4]
*/
SELECT child_id, source_ref, upn
FROM children
WHERE source = 'cin_census' AND length(upn) = 13
  AND NOT regexp_full_match(substr(upn, 13, 1), '[A-HJ-NP-RT-Z0-9]')
