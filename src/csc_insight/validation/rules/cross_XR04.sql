/*
code: XR04
return: cross_return
message: The child's date of birth or sex differs between Annex A, the CIN census and the SSDA903.
severity: query
fields: [Date of Birth, Gender, PersonBirthDate, GenderCurrent, DOB, SEX]
not_implemented: >
  The snapshot keeps one children row per child, merged by source precedence
  (store/merge.py); the values each return gave are not kept, so disagreements cannot be
  seen after the load.
*/
