/*
code: "336"
return: ssda903
message: Child does not have a foster placement immediately prior to being placed for adoption.
severity: error
fields: [PLACE]
requires: [cla_episodes.place]
note: >
  An episode placed for adoption (A3, A4) after another episode of the child's whose
  placement is not adoption or foster care (A3-A6, U1-U6), blank included; a child's first
  episode passes.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, place: U1}
      - {child_id: A, decom: 2022-07-01, place: A3}
      - {child_id: B, decom: 2022-07-01, place: A4}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, place: K2}
      - {child_id: A, decom: 2022-07-01, dec: 2022-08-01, rec: X1, place: A3}
      - {child_id: A, decom: 2022-08-01, place: A4}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: X1}
      - {child_id: B, decom: 2022-07-01, place: A4}
      - {child_id: C, decom: 2022-06-01, dec: 2022-07-01, rec: X1, place: R1}
      - {child_id: C, decom: 2022-07-01, place: A5}
  fails: [cla_episodes.csv:3, cla_episodes.csv:6]
*/
SELECT child_id, source_ref, place, previous_place
FROM (SELECT *, lag(place) OVER w AS previous_place,
             row_number() OVER w AS n
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE n > 1 AND place IN ('A3', 'A4')
  AND COALESCE(previous_place IN ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'),
               false) = false
