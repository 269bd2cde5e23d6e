/*
code: "442"
return: ssda903
message: Unique Pupil Number (UPN) field is not completed.
severity: error
fields: [UPN]
requires: [children.child_id, cla_episodes.ls]
note: >
  A 'UPN unknown' code (UN1-UN10) in the Header's UPN field is kept in upn_unknown and
  completes the field as a UPN does.
differs_from_reference: >
  The snapshot keeps one row per child, merged across the returns: a UPN or a 'UPN
  unknown' code (UPNunknown) the CIN census gives fills a blank Header UPN (the child then
  passes here), and a child in the UASC table too is listed at its UASC row, the reference
  at its Header row.
tests:
  pass:
    children: [{child_id: A, upn: A123456789012}, {child_id: B}, {child_id: C, upn_unknown: UN2}]
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: C2}
      - {child_id: B, decom: 2022-06-01, ls: V3}
      - {child_id: C, decom: 2022-06-01, ls: C2}
  fail:
    children: [{child_id: A}, {child_id: B}, {child_id: C}, {child_id: D, upn_unknown: UN2}]
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: V3}
      - {child_id: A, decom: 2022-07-01, ls: C2}
      - {child_id: A, decom: 2022-08-01, ls: C1}
      - {child_id: B, decom: 2022-06-01}
      - {child_id: C, decom: 2022-06-01, ls: V4}
      - {child_id: D, decom: 2022-06-01, ls: C2}
  fails: [children.csv:2, children.csv:3]
*/
SELECT c.child_id, c.source_ref, c.upn, c.upn_unknown
FROM children c
WHERE c.source = 'ssda903' AND c.upn IS NULL AND c.upn_unknown IS NULL
  AND EXISTS (SELECT 1 FROM cla_episodes e
              WHERE e.source = 'ssda903' AND e.child_id = c.child_id
                AND e.ls IS DISTINCT FROM 'V3' AND e.ls IS DISTINCT FROM 'V4')
