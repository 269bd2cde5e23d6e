/*
code: "185"
return: ssda903
message: Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.
severity: error
fields: [SDQ_SCORE]
requires: [cla_health.sdq_score, cla_episodes.decom]
differs_from_reference: >
  An episode the reader sets aside (an unknown code, a bad date) is not in the snapshot, so
  a child whose only episode was set aside counts as not looked after here; the reference
  still reads the row (the parity test's planted errors show it).
note: >
  The collection year's OC2 rows. Looked after continuously for 12 months, as the reference
  derives it: an episode of the child's overlaps the year, and none started care (RNE S)
  after 1 April, ended with a reason other than X1 (or none) from 1 April to 30 March, or
  was a short break (V3, V4) in the year. A child without episodes was not.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2021-01-01, rne: S, ls: C2}]
    cla_health: [{child_id: A, year_ending: 2023-03-31, sdq_score: 12}, {child_id: B, year_ending: 2023-03-31}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2021-01-01, rne: S, ls: C2}
      - {child_id: B, decom: 2022-05-01, rne: S, ls: C2}
      - {child_id: C, decom: 2021-01-01, dec: 2022-05-01, rec: E4A, rne: S, ls: C2}
      - {child_id: D, decom: 2021-01-01, dec: 2023-03-31, rec: E4A, rne: S, ls: C2}
      - {child_id: E, decom: 2021-01-01, dec: 2022-05-01, rne: S, ls: C2}
    cla_health:
      - {child_id: A, year_ending: 2023-03-31, sdq_score: 12}
      - {child_id: B, year_ending: 2023-03-31, sdq_score: 12}
      - {child_id: C, year_ending: 2023-03-31, sdq_score: 12}
      - {child_id: D, year_ending: 2023-03-31, sdq_score: 12}
      - {child_id: E, year_ending: 2023-03-31, sdq_score: 12}
      - {child_id: F, year_ending: 2023-03-31, sdq_score: 12}
      - {child_id: B, year_ending: 2022-03-31, sdq_score: 12}
  fails: [cla_health.csv:3, cla_health.csv:4, cla_health.csv:6, cla_health.csv:7]
*/
WITH cla AS (
    SELECT child_id
    FROM cla_episodes
    WHERE source = 'ssda903'
    GROUP BY child_id
    HAVING bool_or(decom <= :year_end AND (dec >= :year_start OR dec IS NULL))
       AND NOT bool_or(COALESCE(rne = 'S' AND decom > :year_start AND decom <= :year_end, false)
            OR COALESCE(rec IS DISTINCT FROM 'X1' AND dec >= :year_start AND dec < :year_end, false)
            OR COALESCE(ls IN ('V3', 'V4') AND decom <= :year_end
                        AND (dec >= :year_start OR dec IS NULL), false))
)
SELECT h.child_id, h.source_ref, h.sdq_score
FROM cla_health h
WHERE h.source = 'ssda903' AND h.year_ending = :year_end AND h.sdq_score IS NOT NULL
  AND h.child_id NOT IN (SELECT child_id FROM cla)
