/*
code: "1011"
return: ssda903
message: This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.
severity: error
fields: [IN_TOUCH, ACTIV, ACCOM]
requires: [care_leavers.child_id, cla_episodes.rec]
note: >
  The final episode is the child's latest starting on or before the end of the collection
  year.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2021-06-01, dec: 2022-06-01, rec: E4A}]
    care_leavers: [{child_id: A, year_ending: 2023-03-31, in_touch: "YES"}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2021-06-01, dec: 2022-06-01, rec: E3}
      - {child_id: B, decom: 2021-06-01, dec: 2022-06-01, rec: E3}
      - {child_id: B, decom: 2022-06-01, dec: 2022-09-01, rec: E4A}
      - {child_id: C, decom: 2021-06-01, dec: 2022-06-01, rec: E3}
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "NO"}
      - {child_id: B, year_ending: 2023-03-31, in_touch: "NO"}
      - {child_id: C, year_ending: 2023-03-31}
  fails: [care_leavers.csv:2]
*/
SELECT l.child_id, l.source_ref, e.rec
FROM care_leavers l
JOIN (SELECT child_id, arg_max(rec, decom) AS rec FROM cla_episodes
      WHERE source = 'ssda903' AND decom <= :year_end GROUP BY child_id) e USING (child_id)
WHERE l.source = 'ssda903' AND l.year_ending = :year_end AND e.rec = 'E3'
  AND (l.in_touch IS NOT NULL OR l.activity IS NOT NULL OR l.accommodation IS NOT NULL)
