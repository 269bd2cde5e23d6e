/*
code: "575"
return: ssda903
message: If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.
severity: error
fields: [MIS_END]
requires: [missing_episodes.start_date, cla_episodes.dec]
note: >
  A Missing row without an end date that started during an episode of the child's that has
  ended (DECOM <= MIS_START <= DEC).
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-09-01, rec: X1}, {child_id: A, decom: 2022-09-01}]
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-07-01, end_date: 2022-07-02}
      - {child_id: A, missing_type: M, start_date: 2022-09-02}
  fail:
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-09-01, rec: X1}, {child_id: A, decom: 2022-09-01}]
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-09-01}
      - {child_id: A, missing_type: A, start_date: 2022-06-01, end_date: 2022-06-03}
      - {child_id: A, missing_type: A, start_date: 2022-09-05}
      - {child_id: B, missing_type: A, start_date: 2022-09-01}
  fails: [missing_episodes.csv:2]
*/
SELECT m.child_id, m.source_ref, m.start_date, m.end_date
FROM missing_episodes m
WHERE m.source = 'ssda903' AND m.end_date IS NULL
  AND EXISTS (SELECT 1 FROM cla_episodes e
              WHERE e.source = 'ssda903' AND e.child_id = m.child_id AND e.dec IS NOT NULL
                AND m.start_date BETWEEN e.decom AND e.dec)
