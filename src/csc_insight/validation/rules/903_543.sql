/*
code: "543"
return: ssda903
message: Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.
severity: error
fields: [DOB, CONVICTED]
requires: [cla_health.child_id, cla_episodes.decom, children.dob]
note: >
  The collection year's OC2 rows of children whose 10th birthday is before 31 March (date of
  birth from the Header). Looked after continuously for 12 months as in 185.
tests:
  pass:
    children: [{child_id: A, dob: 2010-01-01}, {child_id: B, dob: 2013-03-31}]
    cla_episodes: [{child_id: A, decom: 2021-01-01, rne: S, ls: C2}, {child_id: B, decom: 2021-01-01, rne: S, ls: C2}]
    cla_health: [{child_id: A, year_ending: 2023-03-31, convicted: false}, {child_id: B, year_ending: 2023-03-31}]
  fail:
    children: [{child_id: A, dob: 2010-01-01}, {child_id: B, dob: 2013-03-30}, {child_id: C, dob: 2010-01-01}]
    cla_episodes:
      - {child_id: A, decom: 2021-01-01, rne: S, ls: C2}
      - {child_id: B, decom: 2021-01-01, rne: S, ls: C2}
      - {child_id: C, decom: 2022-05-01, rne: S, ls: C2}
    cla_health:
      - {child_id: A, year_ending: 2023-03-31}
      - {child_id: B, year_ending: 2023-03-31}
      - {child_id: C, year_ending: 2023-03-31}
      - {child_id: A, year_ending: 2022-03-31}
  fails: [cla_health.csv:2, cla_health.csv:3]
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
SELECT h.child_id, h.source_ref, c.dob, h.convicted
FROM cla_health h JOIN children c USING (child_id)
WHERE h.source = 'ssda903' AND h.year_ending = :year_end AND h.convicted IS NULL
  AND c.dob + INTERVAL 10 YEAR < :year_end
  AND h.child_id IN (SELECT child_id FROM cla)
