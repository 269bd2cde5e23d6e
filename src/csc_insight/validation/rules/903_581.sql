/*
code: "581"
return: ssda903
message: Child is missing but has not yet started to be looked after.
severity: error
fields: [MIS_START]
requires: [missing_episodes.start_date]
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-01-01, dec: 2022-06-01, rec: E4A}]
    missing_episodes: [{child_id: A, missing_type: M, start_date: 2022-06-01}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-01-01, dec: 2022-06-01, rec: E4A}
      - {child_id: B, decom: 2022-07-01}
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-06-01}
      - {child_id: A, missing_type: M, start_date: 2022-06-02}
      - {child_id: B, missing_type: A, start_date: 2022-06-30}
      - {child_id: B, missing_type: A, start_date: 2022-07-30}
      - {child_id: C, missing_type: A, start_date: 2022-07-30}
      - {child_id: D, missing_type: A, start_date: 2022-07-30, source: local}
  fails: [missing_episodes.csv:3, missing_episodes.csv:4, missing_episodes.csv:6]
*/
SELECT m.child_id, m.source_ref, m.start_date
FROM missing_episodes m
WHERE m.source = 'ssda903'
  AND NOT EXISTS (SELECT 1 FROM cla_episodes e
                  WHERE e.child_id = m.child_id AND e.source = 'ssda903'
                    AND m.start_date >= e.decom AND (e.dec IS NULL OR m.start_date <= e.dec))
