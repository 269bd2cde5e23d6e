/*
code: "344"
return: ssda903
message: The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.
severity: error
fields: [IN_TOUCH, ACTIV, ACCOM]
requires: [care_leavers.in_touch]
note: >
  ACTIV and ACCOM must be 0 (not applicable) for a young person who has died or returned
  home; a blank fails, as in the reference.
tests:
  pass:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: RHOM, activity: "0", accommodation: "0"}
      - {child_id: B, year_ending: 2023-03-31, in_touch: DIED, activity: "0", accommodation: "0"}
  fail:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: RHOM, activity: "0", accommodation: "0"}
      - {child_id: B, year_ending: 2023-03-31, in_touch: RHOM, activity: G6, accommodation: "0"}
      - {child_id: C, year_ending: 2023-03-31, in_touch: DIED, activity: "0"}
      - {child_id: D, year_ending: 2023-03-31, in_touch: "NO", activity: G6, accommodation: R, suitable: false}
      - {child_id: E, year_ending: 2022-03-31, in_touch: DIED, activity: G6}
  fails: [care_leavers.csv:3, care_leavers.csv:4]
*/
SELECT child_id, source_ref, in_touch, activity, accom
FROM (SELECT *, accommodation || COALESCE(CASE suitable WHEN TRUE THEN '1' WHEN FALSE THEN '2' END, '') AS accom FROM care_leavers
      WHERE source = 'ssda903' AND year_ending = :year_end)
WHERE in_touch IN ('DIED', 'RHOM')
  AND (COALESCE(activity, '') <> '0' OR COALESCE(accom, '') <> '0')
