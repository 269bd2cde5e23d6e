/*
code: "578"
return: ssda903
message: The date that the child started to be missing is after the child ceased to be looked after.
severity: error
fields: [MIS_START]
requires: [missing_episodes.start_date, cla_episodes.dec]
note: >
  As in the reference, a Missing row fails when it starts outside every period of care of
  the child (episodes joined where one starts by the day the previous ended): before the
  period starts or after it ended. A child without episodes passes.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-09-01, rec: X1}
      - {child_id: A, decom: 2022-09-01, dec: 2022-10-01, rec: E4A}
      - {child_id: A, decom: 2022-12-01}
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-10-01}
      - {child_id: A, missing_type: M, start_date: 2023-02-02}
      - {child_id: B, missing_type: M, start_date: 2022-12-02}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-09-01, rec: X1}
      - {child_id: A, decom: 2022-09-01, dec: 2022-10-01, rec: E4A}
      - {child_id: A, decom: 2022-12-01}
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-10-02}
      - {child_id: A, missing_type: M, start_date: 2022-05-31, end_date: 2022-06-02}
      - {child_id: A, missing_type: M, start_date: 2022-06-01}
  fails: [missing_episodes.csv:2, missing_episodes.csv:3]
*/
WITH e AS (
    SELECT child_id, decom, dec,
           COALESCE(row_number() OVER w = 1 OR decom > lag(dec) OVER w, false) AS new_period
    FROM cla_episodes WHERE source = 'ssda903'
    WINDOW w AS (PARTITION BY child_id ORDER BY decom)
), p AS (
    SELECT *, sum(CASE WHEN new_period THEN 1 ELSE 0 END) OVER w AS period,
           lead(new_period) OVER w IS DISTINCT FROM false AS last_of_period
    FROM e WINDOW w AS (PARTITION BY child_id ORDER BY decom)
), pocs AS (
    SELECT child_id, period, min(decom) AS poc_decom,
           max(dec) FILTER (WHERE last_of_period) AS poc_dec
    FROM p GROUP BY child_id, period
)
SELECT m.child_id, m.source_ref, m.start_date
FROM missing_episodes m
WHERE m.source = 'ssda903'
  AND EXISTS (SELECT 1 FROM pocs WHERE pocs.child_id = m.child_id)
  AND NOT EXISTS (
      SELECT 1 FROM pocs
      WHERE pocs.child_id = m.child_id
        AND NOT (m.start_date < poc_decom OR COALESCE(m.start_date > poc_dec, false)))
