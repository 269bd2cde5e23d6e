/*
code: "199"
return: ssda903
message: "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]"
severity: error
fields: [CHILD]
requires: [cla_episodes.rec]
note: >
  Every episode starting after the child's first episode that ended in adoption (E11, E12),
  and every later adoption episode. The snapshot holds every year's episodes, so earlier
  years count too, not only the previous year's.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1}
      - {child_id: A, decom: 2022-07-01, dec: 2022-09-01, rec: E11}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E12}
      - {child_id: A, decom: 2022-10-01, dec: 2022-11-01, rec: X1}
      - {child_id: A, decom: 2022-11-01, dec: 2022-12-01, rec: E11}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: E11}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, decom, rec
FROM (SELECT *, sum(CASE WHEN rec IN ('E11', 'E12') THEN 1 ELSE 0 END) OVER (
                PARTITION BY child_id ORDER BY decom
                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS adoptions
      FROM cla_episodes WHERE source = 'ssda903')
WHERE adoptions > 0 AND NOT (adoptions = 1 AND COALESCE(rec IN ('E11', 'E12'), false))
