/*
code: "574"
return: ssda903
message: A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.
severity: error
fields: [MIS_START, MIS_END]
requires: [missing_episodes.start_date]
note: >
  Each child's missing periods in order of their end (the start where there is none): one
  starting before the previous one ended, or after one that has not ended, fails.
tests:
  pass:
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-06-01, end_date: 2022-06-03}
      - {child_id: A, missing_type: M, start_date: 2022-06-03, end_date: 2022-06-05}
  fail:
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-06-01, end_date: 2022-06-03}
      - {child_id: A, missing_type: M, start_date: 2022-06-02, end_date: 2022-06-05}
      - {child_id: B, missing_type: A, start_date: 2022-06-01}
      - {child_id: B, missing_type: A, start_date: 2022-06-04, end_date: 2022-06-05}
      - {child_id: C, missing_type: A, start_date: 2022-06-01, end_date: 2022-06-02, source: local}
      - {child_id: C, missing_type: A, start_date: 2022-06-01, end_date: 2022-06-05}
  fails: [missing_episodes.csv:3, missing_episodes.csv:5]
*/
SELECT child_id, source_ref, start_date, previous_end
FROM (SELECT *, lag(end_date) OVER w AS previous_end, lag(start_date) OVER w AS previous_start
      FROM missing_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY COALESCE(end_date, start_date), start_date))
WHERE previous_start IS NOT NULL AND (previous_end IS NULL OR start_date < previous_end)
