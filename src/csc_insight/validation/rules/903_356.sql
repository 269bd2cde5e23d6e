/*
code: "356"
return: ssda903
message: The date the episode ceased is before the date the same episode started.
severity: error
fields: [DECOM, DEC]
requires: [cla_episodes.decom]
note: >
  The SSDA903 reader already sets aside an episode whose DEC is before its DECOM (it is in
  the quarantine, not the snapshot); the rule checks snapshots built any other way.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-06-01, rec: X1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-05-31, rec: X1}
      - {child_id: B, decom: 2022-06-01}
  fails: [cla_episodes.csv:2]
*/
SELECT child_id, source_ref, decom, dec
FROM cla_episodes
WHERE source = 'ssda903' AND dec < decom
