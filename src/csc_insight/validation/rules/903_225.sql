/*
code: "225"
return: ssda903
message: Reason for placement change must be recorded.
severity: error
fields: [REASON_PLACE_CHANGE]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, place: U1, reason_place_change: CARPL}
      - {child_id: A, decom: 2022-07-01, rne: P, place: U2}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, place: U1}
      - {child_id: A, decom: 2022-07-01, rne: P, place: U2}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: X1, place: U1}
      - {child_id: B, decom: 2022-07-01, rne: L, place: U1}
      - {child_id: C, decom: 2022-06-01, dec: 2022-07-01, rec: X1, place: U1}
      - {child_id: C, decom: 2022-07-01, rne: P, place: T1}
  fails: [cla_episodes.csv:2]
*/
SELECT child_id, source_ref, place, next_rne, next_place
FROM (SELECT *, lead(rne) OVER w AS next_rne, lead(place) OVER w AS next_place
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE rec = 'X1' AND reason_place_change IS NULL
  AND (place IS NULL OR place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4'))
  AND next_rne IN ('P', 'B', 'T', 'U')
  AND (next_place IS NULL OR next_place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4'))
