/*
code: "391"
return: ssda903
message: "Young person was not 17, 18, 19, 20 or 21 during the current collection year. "
severity: error
fields: [DOB, IN_TOUCH, ACTIV, ACCOM]
requires: [care_leavers.in_touch, children.dob]
note: >
  The date of birth is the child's (Header), which rule INT15 of the reference requires
  the OC3's to match.
tests:
  pass:
    children: [{child_id: A, dob: 2006-03-31}]
    care_leavers: [{child_id: A, year_ending: 2023-03-31, in_touch: "YES"}]
  fail:
    children: [{child_id: A, dob: 2006-03-31}, {child_id: B, dob: 2006-04-01}, {child_id: C, dob: 2006-04-01}]
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES"}
      - {child_id: B, year_ending: 2023-03-31, activity: F1}
      - {child_id: C, year_ending: 2023-03-31}
  fails: [care_leavers.csv:3]
*/
SELECT l.child_id, l.source_ref, c.dob
FROM care_leavers l JOIN children c USING (child_id)
WHERE l.source = 'ssda903' AND l.year_ending = :year_end
  AND c.dob + INTERVAL 17 YEAR > :year_end
  AND (l.in_touch IS NOT NULL OR l.activity IS NOT NULL OR l.accommodation IS NOT NULL)
