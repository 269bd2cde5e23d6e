/*
code: "516"
return: ssda903
message: The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.
severity: error
fields: [REC, PLACE]
requires: [cla_episodes.rec]
note: A blank placement fails, as in the reference.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E45, place: U3}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E46, place: K2}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: E45}
      - {child_id: C, decom: 2022-06-01, dec: 2022-07-01, rec: E45, place: U6}
      - {child_id: D, decom: 2022-06-01, dec: 2022-07-01, rec: E4A, place: K2}
  fails: [cla_episodes.csv:2, cla_episodes.csv:3]
*/
SELECT child_id, source_ref, rec, place
FROM cla_episodes
WHERE source = 'ssda903' AND rec IN ('E45', 'E46')
  AND COALESCE(place IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6'), false) = false
