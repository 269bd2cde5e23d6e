/*
code: "222"
return: ssda903
message: Ofsted Unique reference number (URN) should not be recorded for this placement type.
severity: error
fields: [URN]
requires: [cla_episodes.urn]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: P1}, {child_id: B, decom: 2022-06-01, place: R1, urn: XXXXXXX}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: P1}
      - {child_id: B, decom: 2022-06-01, place: R1, urn: SC123456}
      - {child_id: C, decom: 2022-06-01, place: K2, urn: SC123456}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, place, urn
FROM cla_episodes
WHERE source = 'ssda903' AND urn IS NOT NULL AND urn <> 'XXXXXXX'
  AND place IN ('H5', 'P1', 'P2', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4', 'Z1')
