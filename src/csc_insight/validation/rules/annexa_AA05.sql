/*
code: AA05
return: annex_a
message: The child is described differently on two lists (gender, ethnicity or date of birth).
severity: query
fields: [Gender, Ethnicity, Date of Birth]
not_implemented: >
  The snapshot keeps one children row per child, each column the first non-blank value by
  source precedence (store/merge.py), so values that disagree between lists are not kept.
  This needs the staged rows the loader merges (see README: validation).
*/
