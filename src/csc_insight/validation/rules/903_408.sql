/*
code: "408"
return: ssda903
message: Child is placed for adoption with a placement order, but no placement order has been recorded.
severity: error
fields: [PLACE, LS]
requires: [cla_episodes.place]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: A5, ls: E1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: A5, ls: E1}
      - {child_id: B, decom: 2022-06-01, place: A6, ls: C2}
      - {child_id: C, decom: 2022-06-01, place: A5}
      - {child_id: D, decom: 2022-06-01, place: A3, ls: C2}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, place, ls
FROM cla_episodes
WHERE source = 'ssda903' AND place IN ('A5', 'A6') AND ls IS DISTINCT FROM 'E1'
