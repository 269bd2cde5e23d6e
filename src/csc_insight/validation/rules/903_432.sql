/*
code: "432"
return: ssda903
message: The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.
severity: error
fields: [RNE]
requires: [cla_episodes.rne]
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E4A}
      - {child_id: A, decom: 2022-09-01, rne: S}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E4A, rne: S}
      - {child_id: A, decom: 2022-09-01, rne: P}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: E13, rne: S}
      - {child_id: B, decom: 2022-09-01}
      - {child_id: C, decom: 2022-06-01, dec: 2022-07-01, rec: X1, rne: S}
      - {child_id: C, decom: 2022-07-01, rne: P}
  fails: [cla_episodes.csv:3, cla_episodes.csv:5]
*/
SELECT child_id, source_ref, rne, previous_rec
FROM (SELECT *, lag(rec) OVER w AS previous_rec
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE previous_rec IN ('E2', 'E3', 'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9', 'E11', 'E12', 'E13', 'E14',
                      'E15', 'E16', 'E17', 'E41', 'E45', 'E46', 'E47', 'E48')
  AND rne IS DISTINCT FROM 'S'
