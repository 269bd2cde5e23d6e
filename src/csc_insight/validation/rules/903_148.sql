/*
code: "148"
return: ssda903
message: Date episode ceased and reason episode ceased must both be coded, or both left blank.
severity: error
fields: [DEC, REC]
requires: [cla_episodes.decom]
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1}
      - {child_id: A, decom: 2022-07-01}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1}
      - {child_id: A, decom: 2022-07-01, dec: 2022-08-01}
      - {child_id: B, decom: 2022-07-01, rec: E4A}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, dec, rec
FROM cla_episodes
WHERE source = 'ssda903' AND (dec IS NULL) <> (rec IS NULL)
