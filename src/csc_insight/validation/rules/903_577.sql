/*
code: "577"
return: ssda903
message: Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.
severity: error
fields: [MIS_END]
requires: [missing_episodes.start_date, cla_episodes.dec]
differs_from_reference: >
  A MIS_END that is not a date is set aside by the reader (blank here). The reference's
  rules share their tables, and rule 165 fills each blank DEC with 31 March in place, so in
  a full run the reference sees open episodes as ended and lists a Missing row without an
  end date during one (the parity test's planted MIS_END 31/02/2020 shows it); here an open
  episode stays open.
note: >
  As in the reference, a Missing row fails when it lies outside every period of care of the
  child (episodes joined where one starts by the day the previous ended): it has no end date
  and the period has ended or started after it, or it ends before the period starts or after
  it ends. A child without episodes passes.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-09-01, rec: X1}
      - {child_id: A, decom: 2022-09-01, dec: 2022-10-01, rec: E4A}
      - {child_id: A, decom: 2022-12-01}
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-07-01, end_date: 2022-09-20}
      - {child_id: A, missing_type: M, start_date: 2022-12-02}
      - {child_id: B, missing_type: M, start_date: 2022-12-02}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-09-01, rec: X1}
      - {child_id: A, decom: 2022-09-01, dec: 2022-10-01, rec: E4A}
      - {child_id: B, decom: 2022-06-01, dec: 2022-09-01, rec: E4A}
      - {child_id: B, decom: 2022-12-01}
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-07-01}
      - {child_id: A, missing_type: M, start_date: 2022-07-01, end_date: 2022-10-02}
      - {child_id: A, missing_type: M, start_date: 2022-07-01, end_date: 2022-10-01}
      - {child_id: B, missing_type: M, start_date: 2022-07-01}
      - {child_id: B, missing_type: A, start_date: 2022-11-01, end_date: 2022-11-02}
      - {child_id: B, missing_type: A, start_date: 2022-12-03}
  fails: [missing_episodes.csv:2, missing_episodes.csv:3, missing_episodes.csv:5,
    missing_episodes.csv:6]
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
SELECT m.child_id, m.source_ref, m.start_date, m.end_date
FROM missing_episodes m
WHERE m.source = 'ssda903'
  AND EXISTS (SELECT 1 FROM pocs WHERE pocs.child_id = m.child_id)
  AND NOT EXISTS (
      SELECT 1 FROM pocs
      WHERE pocs.child_id = m.child_id
        AND NOT (COALESCE(m.end_date IS NULL AND poc_dec IS NOT NULL, false)
              OR COALESCE(m.end_date IS NULL AND m.start_date < poc_decom, false)
              OR COALESCE(m.end_date > poc_dec, false)
              OR COALESCE(m.end_date < poc_decom, false)))
