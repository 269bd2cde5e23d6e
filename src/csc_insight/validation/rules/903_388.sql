/*
code: "388"
return: ssda903
message: Reason episode ceased is coded new episode begins, but there is no continuation episode.
severity: error
fields: [REC]
requires: [cla_episodes.rec]
note: >
  Each child's episodes in order of DECOM: an episode ending X1 must be followed by one
  starting the day it ended, one ending otherwise must not be, and a child's last episode
  cannot end X1.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1}
      - {child_id: A, decom: 2022-07-01, dec: 2022-08-01, rec: E4A}
      - {child_id: A, decom: 2022-09-01}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1}
      - {child_id: A, decom: 2022-07-02, dec: 2022-08-01, rec: E4A}
      - {child_id: A, decom: 2022-08-01, dec: 2022-09-01, rec: X1}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: E4A}
      - {child_id: B, decom: 2022-07-01}
      - {child_id: C, decom: 2022-06-01, dec: 2022-07-01, rec: X1}
      - {child_id: C, decom: 2022-07-01}
  fails: [cla_episodes.csv:2, cla_episodes.csv:3, cla_episodes.csv:4, cla_episodes.csv:5]
*/
SELECT child_id, source_ref, decom, dec, rec, next_decom
FROM (SELECT *, lead(decom) OVER w AS next_decom
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE dec IS NOT NULL
  AND ((rec = 'X1' AND (next_decom IS NULL OR next_decom <> dec))
    OR (rec <> 'X1' AND next_decom = dec))
