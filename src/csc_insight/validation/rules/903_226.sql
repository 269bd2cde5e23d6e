/*
code: "226"
return: ssda903
message: Reason for placement change is not required.
severity: error
fields: [REASON_PLACE_CHANGE, PLACE]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, place: U1}
      - {child_id: A, decom: 2022-07-01, rne: P, place: T1}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, place: U1, reason_place_change: CARPL}
      - {child_id: A, decom: 2022-07-01, rne: P, place: T1}
      - {child_id: B, decom: 2022-07-01, rne: S, place: T1, reason_place_change: CARPL}
      - {child_id: C, decom: 2022-07-01, rne: S, place: U1, reason_place_change: CARPL}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, place, reason_place_change, previous_reason
FROM (SELECT *, lag(reason_place_change) OVER w AS previous_reason
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE place IN ('T0', 'T1', 'T2', 'T3', 'T4') AND (reason_place_change IS NOT NULL OR previous_reason IS NOT NULL)
