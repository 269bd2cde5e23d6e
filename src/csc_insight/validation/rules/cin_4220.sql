/*
code: "4220"
return: cin_census
message: Ethnicity is missing or invalid (see Ethnicity table)
severity: error
fields: [Ethnicity]
requires: [children.ethnicity]
tests:
  pass:
    children: [{child_id: A, ethnicity: REFU}]
  fail:
    children: [{child_id: A, ethnicity: WBRI}, {child_id: B}, {child_id: C, ethnicity: WHIT}]
  fails: [children.csv:3, children.csv:4]
*/
SELECT child_id, source_ref, ethnicity
FROM children
WHERE source = 'cin_census'
  AND (ethnicity IS NULL OR ethnicity NOT IN ('ABAN', 'AIND', 'AOTH', 'APKN', 'BAFR', 'BCRB',
    'BOTH', 'CHNE', 'MOTH', 'MWAS', 'MWBA', 'MWBC', 'NOBT', 'OOTH', 'REFU', 'WBRI', 'WIRI',
    'WIRT', 'WOTH', 'WROM'))
