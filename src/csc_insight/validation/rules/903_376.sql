/*
code: "376"
return: ssda903
message: Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.
severity: error
fields: [DECOM, PLACE]
requires: [cla_episodes.place, children.dob]
note: >
  Ended episodes of a child with a date of birth, as in the reference.
tests:
  pass:
    children: [{child_id: A, dob: 2010-01-01}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-06-22, place: T3, rec: X1}]
  fail:
    children: [{child_id: A, dob: 2010-01-01}, {child_id: B, dob: 2010-01-01}, {child_id: C}]
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-22, place: T3, rec: X1}
      - {child_id: B, decom: 2022-06-01, dec: 2022-06-23, place: T3, rec: X1}
      - {child_id: B, decom: 2020-06-01, place: T3}
      - {child_id: C, decom: 2022-06-01, dec: 2022-06-23, place: T3, rec: X1}
      - {child_id: A, decom: 2021-06-01, dec: 2022-01-01, place: U1, rec: X1}
  fails: [cla_episodes.csv:3]
*/
SELECT e.child_id, e.source_ref, e.place, e.decom, e.dec
FROM cla_episodes e JOIN children c USING (child_id)
WHERE e.source = 'ssda903' AND e.place = 'T3' AND c.dob IS NOT NULL
  AND e.dec > e.decom + INTERVAL 21 DAY
