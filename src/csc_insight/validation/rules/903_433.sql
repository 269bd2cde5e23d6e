/*
code: "433"
return: ssda903
message: The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.
severity: error
fields: [RNE, DECOM]
requires: [cla_episodes.rne]
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, rne: S}
      - {child_id: A, decom: 2022-07-01, rne: P}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, rne: P}
      - {child_id: A, decom: 2022-07-02, rne: L}
      - {child_id: B, decom: 2022-06-01, rec: X1, rne: S}
      - {child_id: B, decom: 2022-07-01, rne: T}
      - {child_id: C, decom: 2022-06-01, dec: 2022-07-01, rec: E4A, rne: S}
      - {child_id: C, decom: 2022-08-01, rne: S}
  fails: [cla_episodes.csv:3, cla_episodes.csv:5]
*/
SELECT child_id, source_ref, rne, decom, previous_dec
FROM (SELECT *, lag(dec) OVER w AS previous_dec, lag(decom) OVER w AS previous_decom
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom, dec))
WHERE rne IN ('P', 'L', 'T', 'U', 'B') AND previous_decom IS NOT NULL
  AND (previous_dec IS NULL OR previous_dec <> decom)
