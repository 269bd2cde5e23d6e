/*
code: "217"
return: ssda903
message: Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.
severity: error
fields: [PLACE, DECOM, RNE]
requires: [cla_episodes.place]
note: As in the reference, only episodes starting on or after 1 April 2015 are checked.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: A5, rne: T}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: A5, rne: P}
      - {child_id: B, decom: 2015-03-31, place: A3, rne: P}
      - {child_id: C, decom: 2022-06-01, place: A6, rne: P}
  fails: [cla_episodes.csv:2]
*/
SELECT child_id, source_ref, decom, place, rne
FROM cla_episodes
WHERE source = 'ssda903' AND place IN ('A3', 'A5') AND decom >= DATE '2015-04-01'
  AND (rne IS NULL OR rne NOT IN ('S', 'T', 'U'))
