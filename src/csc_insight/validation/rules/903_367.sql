/*
code: "367"
return: ssda903
message: The maximum amount of respite care allowable is 75 days in any 12-month period.
severity: error
fields: [LS, DECOM, DEC]
requires: [cla_episodes.ls]
note: >
  The days of each V3 episode within the collection year are added up per child (an open
  episode runs to 31 March); each V3 episode of a child with more than 75 fails.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-03-01, dec: 2022-05-01, ls: V3, rec: E13}
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-15, ls: V3, rec: E13}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-03-01, dec: 2022-05-01, ls: V3, rec: E13}
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-15, ls: V3, rec: E13}
      - {child_id: B, decom: 2022-04-01, dec: 2022-05-01, ls: V3, rec: E13}
      - {child_id: B, decom: 2022-06-01, dec: 2022-06-17, ls: V3, rec: E13}
      - {child_id: B, decom: 2023-03-01, ls: V3}
      - {child_id: B, decom: 2022-09-01, dec: 2022-12-01, ls: C2, rec: E13}
  fails: [cla_episodes.csv:4, cla_episodes.csv:5, cla_episodes.csv:6]
*/
WITH e AS (
    SELECT child_id, source_ref, decom, dec,
           datediff('day', greatest(decom, :year_start),
                    least(COALESCE(dec, :year_end), :year_end)) AS days
    FROM cla_episodes
    WHERE source = 'ssda903' AND ls = 'V3'
)
SELECT child_id, source_ref, decom, dec, total_days
FROM (SELECT *, sum(days) OVER (PARTITION BY child_id) AS total_days FROM e WHERE days > 0)
WHERE total_days > 75
