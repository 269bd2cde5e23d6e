/*
code: "379"
return: ssda903
message: Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.
severity: error
fields: [DECOM, PLACE]
requires: [cla_episodes.place, children.dob]
note: >
  Ended episodes of a child with a date of birth, as in the reference.
tests:
  pass:
    children: [{child_id: A, dob: 2010-01-01}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-06-08, place: T4, rec: X1}]
  fail:
    children: [{child_id: A, dob: 2010-01-01}, {child_id: B, dob: 2010-01-01}, {child_id: C}]
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-08, place: T4, rec: X1}
      - {child_id: B, decom: 2022-06-01, dec: 2022-06-09, place: T4, rec: X1}
      - {child_id: B, decom: 2020-06-01, place: T4}
      - {child_id: C, decom: 2022-06-01, dec: 2022-06-09, place: T4, rec: X1}
      - {child_id: A, decom: 2021-06-01, dec: 2022-01-01, place: U1, rec: X1}
  fails: [cla_episodes.csv:3]
*/
SELECT e.child_id, e.source_ref, e.place, e.decom, e.dec
FROM cla_episodes e JOIN children c USING (child_id)
WHERE e.source = 'ssda903' AND e.place = 'T4' AND c.dob IS NOT NULL
  AND e.dec > e.decom + INTERVAL 7 DAY
