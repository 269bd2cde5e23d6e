/*
code: "426"
return: ssda903
message: A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.
severity: error
fields: [LS]
requires: [cla_episodes.ls]
note: >
  Among the episodes of the collection year (open on any day of it).
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-05, ls: V3, rec: E13}
      - {child_id: A, decom: 2021-06-01, dec: 2021-06-05, ls: V4, rec: E13}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-05, ls: V3, rec: E13}
      - {child_id: A, decom: 2022-08-01, dec: 2022-08-05, ls: V4, rec: E13}
      - {child_id: A, decom: 2022-09-01, ls: C2}
      - {child_id: B, decom: 2022-06-01, dec: 2022-06-05, ls: V3, rec: E13}
      - {child_id: B, decom: 2021-06-01, dec: 2021-06-05, ls: V4, rec: E13}
  fails: [cla_episodes.csv:2, cla_episodes.csv:3]
*/
SELECT child_id, source_ref, ls, decom
FROM (SELECT *, count(DISTINCT ls) OVER (PARTITION BY child_id) AS kinds
      FROM cla_episodes
      WHERE source = 'ssda903' AND ls IN ('V3', 'V4') AND decom <= :year_end
        AND (dec IS NULL OR dec >= :year_start))
WHERE kinds = 2
