/*
code: "362"
return: ssda903
message: Emergency protection order (EPO) lasted longer than 21 days
severity: error
fields: [LS, DECOM, DEC]
requires: [cla_episodes.ls]
note: >
  Episodes under L2 that follow on from each other (one starting the day the last ended)
  are one period; each episode of a period longer than 21 days fails. The episodes are
  those of the collection year (open on any day of it); an episode still open at its end,
  or ending after it, runs to 31 March, as a blank DEC does in the reference.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-01, ls: L2, rec: X1}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-11, ls: L2, rec: X1}
      - {child_id: A, decom: 2022-06-11, dec: 2022-06-23, ls: L2, rec: X1}
      - {child_id: A, decom: 2022-06-23, ls: C2}
      - {child_id: B, decom: 2022-06-01, dec: 2022-06-22, ls: L2, rec: X1}
      - {child_id: B, decom: 2022-06-22, ls: C2}
      - {child_id: C, decom: 2023-03-09, ls: L2}
      - {child_id: D, decom: 2021-06-01, dec: 2021-07-30, ls: L2, rec: X1}
  fails: [cla_episodes.csv:2, cla_episodes.csv:3, cla_episodes.csv:7]
*/
WITH e AS (
    SELECT child_id, source_ref, ls, decom, dec, least(COALESCE(dec, :year_end), :year_end) AS until
    FROM cla_episodes
      WHERE source = 'ssda903' AND decom <= :year_end AND (dec IS NULL OR dec >= :year_start)
), starts AS (
    SELECT *, CASE WHEN lag(until) OVER w = decom AND lag(ls) OVER w = ls THEN 0 ELSE 1 END
                  AS starts_period
    FROM e WINDOW w AS (PARTITION BY child_id ORDER BY decom)
), periods AS (
    SELECT *, sum(starts_period) OVER (PARTITION BY child_id ORDER BY decom) AS period
    FROM starts
), spans AS (
    SELECT *, min(decom) OVER p AS period_start, max(until) OVER p AS period_end
    FROM periods WINDOW p AS (PARTITION BY child_id, period)
)
SELECT child_id, source_ref, ls, decom, dec, period_start, period_end
FROM spans
WHERE ls = 'L2' AND period_end - period_start > 21
