/*
code: "304"
return: ssda903
message: Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.
severity: error
fields: [DUC]
requires: [children.uasc_ceased]
differs_from_reference: >
  The reference flags the UASC row; here the child's merged children row is flagged, whose
  lineage is the CIN census file when the child is in it too (store/merge.py).
tests:
  pass:
    children: [{child_id: A, dob: 2004-06-01, uasc: true, uasc_ceased: 2022-06-01}]
  fail:
    children:
      - {child_id: A, dob: 2004-06-01, uasc: true, uasc_ceased: 2022-06-02}
      - {child_id: B, dob: 2004-06-01, uasc: true}
  fails: [children.csv:2]
*/
SELECT child_id, source_ref, dob, uasc_ceased
FROM children
WHERE uasc_ceased > dob + INTERVAL 18 YEAR
