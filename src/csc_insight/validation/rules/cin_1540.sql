/*
code: "1540"
return: cin_census
message: UPN invalid (characters 5-12 not all numeric)
severity: error
fields: [UPN]
requires: [children.upn]
note: >
  Children whose merged row comes from the CIN census (a child also in other returns keeps
  the census's row). As in the reference, a UPN shorter than 12 characters fails too.
tests:
  pass:
    children: [{child_id: A, upn: T210438804483}]
  fail:
    children:
      - {child_id: A, upn: T210438804483}
      - {child_id: B, upn: T2104388X4483}
      - {child_id: C, upn: UN1}
      - {child_id: D, upn: T21043880448A}
  fails: [children.csv:3, children.csv:4]
*/
SELECT child_id, source_ref, upn
FROM children
WHERE source = 'cin_census' AND upn IS NOT NULL
  AND NOT regexp_full_match(substr(upn, 5, 8), '[0-9]+')
