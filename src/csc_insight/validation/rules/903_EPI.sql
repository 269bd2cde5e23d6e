/*
code: EPI
return: ssda903
message: "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]"
severity: error
fields: [CHILD]
requires: [children.child_id]
differs_from_reference: >
  The snapshot keeps one row per child, merged across the returns: a Header child who is in
  the CIN census too keeps the census row (and is not checked here), and one in the UASC
  table too is listed at its UASC row, the reference at its Header row. Episodes and OC3
  rows of every year loaded count.
tests:
  pass:
    children: [{child_id: A}, {child_id: B}, {child_id: C, source: cin_census}]
    cla_episodes: [{child_id: A, decom: 2022-06-01}]
    care_leavers: [{child_id: B, year_ending: 2023-03-31}]
  fail:
    children: [{child_id: A}, {child_id: B}]
    cla_episodes: [{child_id: A, decom: 2022-06-01}]
  fails: [children.csv:3]
*/
SELECT c.child_id, c.source_ref
FROM children c
WHERE c.source = 'ssda903'
  AND NOT EXISTS (SELECT 1 FROM cla_episodes e
                  WHERE e.source = 'ssda903' AND e.child_id = c.child_id)
  AND NOT EXISTS (SELECT 1 FROM care_leavers l
                  WHERE l.source = 'ssda903' AND l.child_id = c.child_id)
