/*
code: "383"
return: ssda903
message: A child in a temporary placement must subsequently return to his/her normal placement.
severity: error
fields: [PLACE]
requires: [cla_episodes.place]
note: >
  The episode after a temporary placement fails unless its reason for new episode is P
  (placement change) and it returns to the placement before the temporary one, as in the
  reference; each child's episodes in order of DECOM.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, place: U1, rne: S, rec: X1}
      - {child_id: A, decom: 2022-07-01, dec: 2022-07-10, place: T1, rne: P, rec: X1}
      - {child_id: A, decom: 2022-07-10, place: U1, rne: P}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, place: U1, rne: S, rec: X1}
      - {child_id: A, decom: 2022-07-01, dec: 2022-07-10, place: T1, rne: P, rec: X1}
      - {child_id: A, decom: 2022-07-10, place: U2, rne: P}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, place: U1, rne: S, rec: X1}
      - {child_id: B, decom: 2022-07-01, dec: 2022-07-10, place: T3, rne: P, rec: X1}
      - {child_id: B, decom: 2022-07-10, place: U1, rne: B}
      - {child_id: C, decom: 2022-07-01, dec: 2022-07-10, place: T3, rne: S, rec: X1}
      - {child_id: C, decom: 2022-07-10, place: U1, rne: P}
  fails: [cla_episodes.csv:4, cla_episodes.csv:7]
*/
SELECT child_id, source_ref, place, rne, previous_place, before_previous_place
FROM (SELECT *, lag(place) OVER w AS previous_place, lag(place, 2) OVER w AS before_previous_place
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE before_previous_place IS NOT NULL AND previous_place IN ('T0', 'T1', 'T2', 'T3', 'T4')
  AND (rne IS DISTINCT FROM 'P' OR place IS DISTINCT FROM before_previous_place)
