/*
code: "357"
return: ssda903
message: If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.
severity: error
fields: [RNE]
requires: [cla_episodes.rne]
note: >
  A child's first episode in the snapshot, when it starts in the collection year, as the
  reference looks at the first episode in the year's file starting on or after 1 April.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, rne: S}
      - {child_id: B, decom: 2022-03-01, dec: 2022-06-01, rec: X1, rne: P}
      - {child_id: B, decom: 2022-06-01, rne: P}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, rne: P}
      - {child_id: B, decom: 2022-03-01, dec: 2022-06-01, rec: X1, rne: P}
      - {child_id: C, decom: 2022-06-01}
      - {child_id: D, decom: 2023-06-01, rne: P}
  fails: [cla_episodes.csv:2, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, rne, decom
FROM (SELECT *, row_number() OVER (PARTITION BY child_id ORDER BY decom) AS n
      FROM cla_episodes WHERE source = 'ssda903')
WHERE n = 1 AND decom BETWEEN :year_start AND :year_end AND rne IS DISTINCT FROM 'S'
