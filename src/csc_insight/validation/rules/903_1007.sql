/*
code: "1007"
return: ssda903
message: "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]"
severity: error
fields: [IN_TOUCH, ACTIV, ACCOM]
requires: [care_leavers.child_id, cla_episodes.decom, children.dob]
differs_from_reference: >
  The reference counts a child as looked after on their 17th or 18th birthday only in an
  episode that has ended (DEC after the birthday), so a child still looked after in an
  open episode is never flagged; here an open episode counts too. The date of birth is the
  child's (Header).
tests:
  pass:
    children: [{child_id: A, dob: 2005-06-01}]
    cla_episodes: [{child_id: A, decom: 2020-06-01, dec: 2022-05-31, rec: E8}]
    care_leavers: [{child_id: A, year_ending: 2023-03-31, in_touch: "YES"}]
  fail:
    children: [{child_id: A, dob: 2005-06-01}, {child_id: B, dob: 2005-06-01}, {child_id: C, dob: 2004-03-31}]
    cla_episodes:
      - {child_id: A, decom: 2020-06-01, dec: 2022-06-02, rec: E8}
      - {child_id: B, decom: 2020-06-01}
      - {child_id: C, decom: 2020-06-01}
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES"}
      - {child_id: B, year_ending: 2023-03-31, activity: G6}
      - {child_id: C, year_ending: 2023-03-31, in_touch: "YES"}
      - {child_id: B, year_ending: 2023-03-31}
  fails: [care_leavers.csv:2, care_leavers.csv:3]
*/
WITH leavers AS (
    SELECT l.*, c.dob,
           -- the birthday in the collection year (the last on or before 31 March)
           c.dob + to_years(CAST(datediff('month', c.dob, :year_end) // 12 AS INTEGER))
               AS birthday
    FROM care_leavers l JOIN children c USING (child_id)
    WHERE l.source = 'ssda903' AND l.year_ending = :year_end
      AND (l.in_touch IS NOT NULL OR l.activity IS NOT NULL OR l.accommodation IS NOT NULL)
      AND c.dob + INTERVAL 17 YEAR <= :year_end AND c.dob + INTERVAL 19 YEAR > :year_end
)
SELECT l.child_id, l.source_ref, l.dob, l.birthday
FROM leavers l
WHERE EXISTS (SELECT 1 FROM cla_episodes e
              WHERE e.child_id = l.child_id AND e.source = 'ssda903'
                AND e.decom <= l.birthday AND (e.dec IS NULL OR e.dec > l.birthday))
