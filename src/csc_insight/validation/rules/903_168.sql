/*
code: "168"
return: ssda903
message: Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.
severity: error
fields: [UPN]
requires: [children.upn]
note: >
  The Header's UPN field is read into upn when it is a UPN and into upn_unknown when it is
  a 'UPN unknown' code ('UN' and a number); both are checked here.
differs_from_reference: >
  The reference implementation (csc-validator-be-903) accepts UN1-UN5 only; the DfE's
  "UPN unknown" list has UN1-UN10, so UN6-UN10 pass here.
tests:
  pass:
    children: [{child_id: A, upn_unknown: UN7}, {child_id: B, upn: A123456789012}]
  fail:
    children:
      - {child_id: A, upn: I123456789012}
      - {child_id: B, upn: A12345678901B}
      - {child_id: C, upn_unknown: UN11}
      - {child_id: E, upn: UN2}
      - {child_id: D}
  fails: [children.csv:2, children.csv:4, children.csv:5]
*/
SELECT child_id, source_ref, COALESCE(upn, upn_unknown) AS upn
FROM children
WHERE source = 'ssda903'
  AND (NOT regexp_full_match(upn, '[A-HJ-NP-RT-Z]([0-9]{12}|[0-9]{11}[A-Z])')
    OR NOT regexp_full_match(upn_unknown, 'UN([1-9]|10)'))
