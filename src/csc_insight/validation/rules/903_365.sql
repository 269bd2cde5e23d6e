/*
code: "365"
return: ssda903
message: Any individual short- term respite placement must not exceed 17 days.
severity: error
fields: [LS, DECOM, DEC]
requires: [cla_episodes.ls]
note: >
  The episodes are those of the collection year (open on any day of it); an episode still
  open at its end, or ending after it, runs to 31 March, as a blank DEC does in the
  reference.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-06-18, ls: V3, rec: E13}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-18, ls: V3, rec: E13}
      - {child_id: B, decom: 2022-06-01, dec: 2022-06-19, ls: V3, rec: E13}
      - {child_id: C, decom: 2023-03-13, ls: V3}
      - {child_id: D, decom: 2023-03-14, ls: V3}
      - {child_id: E, decom: 2022-06-01, dec: 2022-06-19, ls: V4, rec: E13}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, ls, decom, dec
FROM cla_episodes
WHERE source = 'ssda903' AND ls = 'V3' AND decom <= :year_end
  AND (dec IS NULL OR dec >= :year_start)
  AND least(COALESCE(dec, :year_end), :year_end) > decom + INTERVAL 17 DAY
