/*
code: "359"
return: ssda903
message: Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.
severity: error
fields: [DEC, LS, PLACE]
requires: [cla_episodes.ls, children.dob]
note: >
  Episodes open at the end of the collection year (no DEC, or one after 31 March) of a
  child 18 before then.
tests:
  pass:
    children: [{child_id: A, dob: 2005-01-01}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, ls: V2, place: K2}]
  fail:
    children: [{child_id: A, dob: 2005-01-01}, {child_id: B, dob: 2005-01-01}, {child_id: C, dob: 2005-03-31}]
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: V2, place: K2}
      - {child_id: B, decom: 2022-06-01, ls: C2, place: K2}
      - {child_id: B, decom: 2021-06-01, dec: 2022-06-01, rec: X1, ls: C2, place: U1}
      - {child_id: C, decom: 2022-06-01, ls: C2, place: U1}
      - {child_id: A, decom: 2022-01-01, dec: 2023-06-01, rec: X1, ls: C2, place: U1}
  fails: [cla_episodes.csv:3, cla_episodes.csv:6]
*/
SELECT e.child_id, e.source_ref, c.dob, e.ls, e.place
FROM cla_episodes e JOIN children c USING (child_id)
WHERE e.source = 'ssda903' AND e.decom <= :year_end AND (e.dec IS NULL OR e.dec > :year_end)
  AND c.dob + INTERVAL 18 YEAR < :year_end
  AND NOT (e.ls IS NOT DISTINCT FROM 'V2' AND e.place IS NOT DISTINCT FROM 'K2')
