/*
code: "393"
return: ssda903
message: Child is looked after but mother field is not completed.
severity: error
fields: [MOTHER]
not_implemented: >
  The canonical model (store/schema.sql) has no MOTHER column: the SSDA903 reader does not
  keep Header.MOTHER, so the snapshot cannot tell a blank from a filled one.
*/
