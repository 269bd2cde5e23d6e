/*
code: "431"
return: ssda903
message: The reason for new episode is started to be looked after, but the previous episode ended on the same day.
severity: error
fields: [RNE, DECOM]
requires: [cla_episodes.decom]
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E4A}
      - {child_id: A, decom: 2022-07-02, rne: S}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E4A}
      - {child_id: A, decom: 2022-07-01, rne: S}
      - {child_id: B, decom: 2022-07-01, rne: S}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, decom, rne, prev_dec
FROM (SELECT child_id, source_ref, decom, rne,
             lag(dec) OVER (PARTITION BY child_id ORDER BY decom) AS prev_dec
      FROM cla_episodes WHERE source = 'ssda903')
WHERE rne = 'S' AND decom <= prev_dec
