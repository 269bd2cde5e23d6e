/*
code: "501"
return: ssda903
message: A new episode has started before the end date of the previous episode.
severity: error
fields: [DECOM, DEC]
requires: [cla_episodes.decom]
note: >
  The SSDA903 reader reports such an episode as it loads (overlapping_episode) but keeps
  it, so the rule finds it in the snapshot too.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1}
      - {child_id: A, decom: 2022-07-01}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-02, rec: X1}
      - {child_id: A, decom: 2022-07-01}
      - {child_id: B, decom: 2022-07-01}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, decom, prev_dec
FROM (SELECT child_id, source_ref, decom,
             lag(dec) OVER (PARTITION BY child_id ORDER BY decom) AS prev_dec
      FROM cla_episodes WHERE source = 'ssda903')
WHERE decom < prev_dec
