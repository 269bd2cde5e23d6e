/*
code: "504"
return: ssda903
message: The category of need code differs from that reported at start of current period of being looked after
severity: error
fields: [CIN]
requires: [cla_episodes.cin]
note: >
  A blank category of need differs from any other, blank or not, as in the reference.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, cin: N1}
      - {child_id: A, decom: 2022-07-01, cin: N1}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, cin: N1}
      - {child_id: A, decom: 2022-07-01, cin: N2}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: E4A, cin: N1}
      - {child_id: B, decom: 2022-07-01, cin: N2}
      - {child_id: C, decom: 2022-06-01, dec: 2022-07-01, rec: X1, cin: N1}
      - {child_id: C, decom: 2022-07-01}
  fails: [cla_episodes.csv:3, cla_episodes.csv:7]
*/
SELECT child_id, source_ref, cin, previous_cin
FROM (SELECT *, lag(cin) OVER w AS previous_cin, lag(rec) OVER w AS previous_rec,
             lag(dec) OVER w AS previous_dec
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE previous_rec = 'X1' AND previous_dec = decom
  AND (cin IS NULL OR previous_cin IS NULL OR cin <> previous_cin)
