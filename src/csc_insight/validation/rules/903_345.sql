/*
code: "345"
return: ssda903
message: The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.
severity: error
fields: [IN_TOUCH, ACTIV, ACCOM]
requires: [care_leavers.in_touch]
tests:
  pass:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES", activity: F1, accommodation: B, suitable: true}
  fail:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES", activity: F1, accommodation: B, suitable: true}
      - {child_id: B, year_ending: 2023-03-31, in_touch: "YES", activity: "0", accommodation: B, suitable: true}
      - {child_id: C, year_ending: 2023-03-31, in_touch: "YES", activity: F1, accommodation: "0"}
      - {child_id: D, year_ending: 2023-03-31, in_touch: RHOM, activity: "0", accommodation: "0"}
      - {child_id: E, year_ending: 2022-03-31, in_touch: "YES", activity: "0", accommodation: "0"}
  fails: [care_leavers.csv:3, care_leavers.csv:4]
*/
SELECT child_id, source_ref, in_touch, activity, accom
FROM (SELECT *, accommodation || COALESCE(CASE suitable WHEN TRUE THEN '1' WHEN FALSE THEN '2' END, '') AS accom FROM care_leavers
      WHERE source = 'ssda903' AND year_ending = :year_end)
WHERE in_touch = 'YES' AND (activity = '0' OR accom = '0')
