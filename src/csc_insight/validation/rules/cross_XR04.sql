/*
code: XR04
return: cross_return
message: The child's date of birth or sex differs between Annex A, the CIN census and the SSDA903.
severity: query
fields: [Date of Birth, Gender, PersonBirthDate, GenderCurrent, DOB, SEX]
not_implemented: >
  Dates of birth that disagree between returns already refuse the load (the loader's
  dob_conflict check, store/loader.py cross_checks, names both rows). Sex and ethnicity:
  the snapshot keeps one children row per child, merged by source precedence
  (store/merge.py), so the values each return gave are not kept after the load.
*/
