/*
code: "1012"
return: ssda903
message: No other data should be returned for OC3 children who had no episodes in the current year
severity: error
fields: [CHILD]
requires: [cla_episodes.decom]
differs_from_reference: >
  PrevPerm is not stored, so its rows are not checked; an AD1 row and a PlacedAdoption row of
  the child with the same decision date are one adoption row in the snapshot, listed once.
  Missing, Reviews and the collection year's OC2 rows are checked as in the reference.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01}]
    cla_reviews: [{child_id: A, review_date: 2022-07-01}]
    missing_episodes: [{child_id: A, missing_type: M, start_date: 2022-07-01}]
    cla_health: [{child_id: A, year_ending: 2023-03-31}, {child_id: B, year_ending: 2022-03-31}]
    adoption: [{child_id: A, decision_date: 2022-07-01}]
  fail:
    cla_episodes: [{child_id: A, decom: 2022-06-01}]
    cla_reviews: [{child_id: A, review_date: 2022-07-01}, {child_id: B, review_date: 2022-07-01}]
    missing_episodes: [{child_id: B, missing_type: M, start_date: 2022-07-01}]
    cla_health: [{child_id: B, year_ending: 2023-03-31}]
    adoption: [{child_id: B, decision_date: 2022-07-01}]
  fails: [cla_reviews.csv:3, missing_episodes.csv:2, cla_health.csv:2, adoption.csv:2]
*/
WITH looked_after AS (SELECT DISTINCT child_id FROM cla_episodes WHERE source = 'ssda903')
SELECT child_id, source_ref FROM missing_episodes
WHERE source = 'ssda903' AND child_id NOT IN (SELECT child_id FROM looked_after)
UNION ALL
SELECT child_id, source_ref FROM cla_reviews
WHERE source = 'ssda903' AND child_id NOT IN (SELECT child_id FROM looked_after)
UNION ALL
SELECT child_id, source_ref FROM cla_health
WHERE source = 'ssda903' AND year_ending = :year_end
  AND child_id NOT IN (SELECT child_id FROM looked_after)
UNION ALL
SELECT child_id, source_ref FROM adoption
WHERE source = 'ssda903' AND child_id NOT IN (SELECT child_id FROM looked_after)
