/*
code: "8535Q"
return: cin_census
message: "Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth"
severity: query
fields: [PersonDeathDate, PersonBirthDate]
requires: [children.death_date]
note: >
  Children whose merged row comes from the CIN census (a child also in other returns keeps
  the census's row).
tests:
  pass:
    children: [{child_id: A, dob: 2015-01-01, death_date: 2015-01-01}]
  fail:
    children:
      - {child_id: A, dob: 2015-01-01, death_date: 2015-01-01}
      - {child_id: B, dob: 2015-01-02, death_date: 2015-01-01}
      - {child_id: C, expected_dob: 2015-01-02, death_date: 2015-01-01}
      - {child_id: D, dob: 2015-01-02}
  fails: [children.csv:3, children.csv:4]
*/
SELECT child_id, source_ref, dob, death_date
FROM children
WHERE source = 'cin_census' AND death_date IS NOT NULL AND (dob IS NULL OR dob > death_date)
