/*
code: "142"
return: ssda903
message: A new episode has started, but the previous episode has not ended.
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
      - {child_id: A, decom: 2022-06-01}
      - {child_id: A, decom: 2022-07-01}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01}
      - {child_id: B, decom: 2022-07-01, dec: 2022-08-01, rec: E11}
      - {child_id: C, decom: 2022-06-01}
  fails: [cla_episodes.csv:2, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, decom, dec, rec
FROM (SELECT *, row_number() OVER (PARTITION BY child_id ORDER BY decom DESC) AS from_last
      FROM cla_episodes WHERE source = 'ssda903')
WHERE from_last > 1 AND (dec IS NULL OR rec IS NULL)
