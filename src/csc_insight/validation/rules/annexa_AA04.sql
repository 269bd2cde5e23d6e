/*
code: AA04
return: annex_a
message: The age given does not agree with the date of birth.
severity: query
fields: [Date of Birth, Age of Child (Years)]
not_implemented: >
  The Annex A reader reads Age of Child (Years) to check the row but the canonical model
  keeps only the date of birth (children.dob), so the snapshot cannot compare them.
*/
