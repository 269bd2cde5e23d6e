/*
code: "1000"
return: ssda903
message: "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]"
severity: error
fields: [IN_TOUCH, ACTIV, ACCOM]
requires: [care_leavers.child_id, cla_episodes.rec]
differs_from_reference: >
  The reference looks for an episode ending E2 (died) in this year's and last year's
  Episodes; the snapshot holds every year's, so an episode ending E2 on or before the end
  of the collection year is looked for.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2020-06-01, dec: 2021-06-01, rec: E4A}]
    care_leavers: [{child_id: A, year_ending: 2023-03-31, in_touch: "YES"}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2020-06-01, dec: 2021-06-01, rec: E2}
      - {child_id: B, decom: 2020-06-01, dec: 2023-06-01, rec: E2}
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: DIED}
      - {child_id: B, year_ending: 2023-03-31, in_touch: "NO"}
      - {child_id: A, year_ending: 2022-03-31, in_touch: DIED}
  fails: [care_leavers.csv:2]
*/
SELECT l.child_id, l.source_ref, l.in_touch
FROM care_leavers l
WHERE l.source = 'ssda903' AND l.year_ending = :year_end
  AND EXISTS (SELECT 1 FROM cla_episodes e
              WHERE e.child_id = l.child_id AND e.source = 'ssda903' AND e.rec = 'E2'
                AND e.dec <= :year_end)
