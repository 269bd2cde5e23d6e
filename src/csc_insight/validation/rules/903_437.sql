/*
code: "437"
return: ssda903
message: Reason episode ceased is child has died or is aged 18 or over but there are further episodes.
severity: error
fields: [REC]
requires: [cla_episodes.rec]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E2}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E15}
      - {child_id: A, decom: 2022-09-01}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: E2}
      - {child_id: C, decom: 2022-06-01, dec: 2022-07-01, rec: E4A}
      - {child_id: C, decom: 2022-09-01}
  fails: [cla_episodes.csv:2]
*/
SELECT child_id, source_ref, rec, next_decom
FROM (SELECT *, lead(decom) OVER w AS next_decom
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE rec IN ('E2', 'E15') AND next_decom IS NOT NULL
