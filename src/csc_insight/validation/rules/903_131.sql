/*
code: "131"
return: ssda903
message: Data entry for being in touch after leaving care is invalid.
severity: error
fields: [IN_TOUCH]
requires: [care_leavers.in_touch]
note: The reader blanks an IN_TOUCH outside the list, so a bad code fails here as a blank.
tests:
  pass:
    care_leavers: [{child_id: A, year_ending: 2023-03-31, in_touch: RHOM}]
  fail:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES"}
      - {child_id: B, year_ending: 2023-03-31}
      - {child_id: C, year_ending: 2022-03-31}
  fails: [care_leavers.csv:3]
*/
SELECT child_id, source_ref, in_touch
FROM care_leavers
WHERE source = 'ssda903' AND year_ending = :year_end
  AND (in_touch IS NULL OR in_touch NOT IN ('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'))
