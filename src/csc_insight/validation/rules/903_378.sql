/*
code: "378"
return: ssda903
message: A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.
severity: error
fields: [PLACE, LS]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, ls: C1, place: P1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: V2, place: P1}
      - {child_id: B, decom: 2022-06-01, ls: V2, place: U1}
      - {child_id: C, decom: 2022-06-01, ls: C2, place: P1}
  fails: [cla_episodes.csv:2]
*/
SELECT child_id, source_ref, ls, place
FROM cla_episodes
WHERE source = 'ssda903' AND place = 'P1' AND ls = 'V2'
