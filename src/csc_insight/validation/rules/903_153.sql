/*
code: "153"
return: ssda903
message: "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank."
severity: error
fields: [IN_TOUCH, ACTIV, ACCOM]
requires: [care_leavers.in_touch]
tests:
  pass:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES", activity: F1, accommodation: B, suitable: true}
      - {child_id: B, year_ending: 2023-03-31}
  fail:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES", activity: F1, accommodation: B, suitable: true}
      - {child_id: B, year_ending: 2023-03-31, in_touch: "NO"}
      - {child_id: C, year_ending: 2023-03-31, activity: G6, accommodation: R, suitable: false}
      - {child_id: D, year_ending: 2023-03-31, in_touch: RHOM, activity: "0", accommodation: "0"}
      - {child_id: E, year_ending: 2022-03-31, in_touch: "NO"}
  fails: [care_leavers.csv:3, care_leavers.csv:4]
*/
SELECT child_id, source_ref, in_touch, activity, accommodation
FROM care_leavers
WHERE source = 'ssda903' AND year_ending = :year_end
  AND NOT ((in_touch IS NULL AND activity IS NULL AND accommodation IS NULL)
        OR (in_touch IS NOT NULL AND activity IS NOT NULL AND accommodation IS NOT NULL))
