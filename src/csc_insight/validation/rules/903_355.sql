/*
code: "355"
return: ssda903
message: Episode appears to have lasted for less than 24 hours
severity: error
fields: [DECOM, DEC]
requires: [cla_episodes.decom]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-06-02, rec: X1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-01, rec: X1}
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-02, rec: E11}
  fails: [cla_episodes.csv:2]
*/
SELECT child_id, source_ref, decom, dec
FROM cla_episodes
WHERE source = 'ssda903' AND dec = decom
