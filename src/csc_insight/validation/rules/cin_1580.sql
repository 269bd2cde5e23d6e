/*
code: "1580"
return: cin_census
message: LA Child ID must not contain any non-alphanumeric characters
severity: error
fields: [LAchildID]
requires: [children.child_id]
years: {from: "2024-25"}
note: >
  In the DfE's rules from 2024-25 (csc-validator-be-cin's 2024-25 set). Children whose
  merged row comes from the CIN census (a child also in other returns keeps the census's
  row). Letters and digits of any alphabet pass, as in the reference. Such an id is loaded
  and counted, with a warning at the load, but no page can open or restrict its record
  (common/child_ids.py).
differs_from_reference: >
  The reader trims and upper-cases LAchildID before any rule runs, so an id with spaces
  before or after it (which the reference fails) passes here: the space is not kept.
tests:
  pass:
    children: [{child_id: A1}, {child_id: ZQ7001}]
  fail:
    children:
      - {child_id: A1}
      - {child_id: KID.3}
      - {child_id: KID-4, source: ssda903}
      - {child_id: K 5}
      - {child_id: ÉLÈVE7}
  fails: [children.csv:3, children.csv:5]
*/
SELECT child_id, source_ref
FROM children
WHERE source = 'cin_census' AND NOT regexp_full_match(child_id, '[\pL\pN]+')
