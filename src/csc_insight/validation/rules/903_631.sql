/*
code: "631"
return: ssda903
message: Previous permanence option not a valid value.
severity: error
fields: [PREV_PERM]
not_implemented: >
  The canonical model has no PrevPerm table (store/schema.sql), so neither this rule nor
  the rules on DATE_PERM (previous permanence only for children who came into care on or
  after 1 April 2016) can be checked on a snapshot.
*/
