/*
code: "377"
return: ssda903
message: Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.
severity: error
fields: [PLACE]
requires: [cla_episodes.place]
note: >
  T3 episodes are counted per child among the episodes of the collection year (open on any
  day of it).
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-10, place: T3, rec: X1}
      - {child_id: A, decom: 2022-08-01, dec: 2022-08-10, place: T3, rec: X1}
      - {child_id: A, decom: 2022-03-01, dec: 2022-03-10, place: T3, rec: X1}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-06-10, place: T3, rec: X1}
      - {child_id: A, decom: 2022-08-01, dec: 2022-08-10, place: T3, rec: X1}
      - {child_id: A, decom: 2022-10-01, dec: 2022-10-10, place: T3, rec: X1}
      - {child_id: A, decom: 2022-11-01, place: U1}
      - {child_id: B, decom: 2022-06-01, dec: 2022-06-10, place: T3, rec: X1}
      - {child_id: B, decom: 2022-08-01, dec: 2022-08-10, place: T3, rec: X1}
  fails: [cla_episodes.csv:2, cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, place, decom
FROM (SELECT *, count(*) OVER (PARTITION BY child_id) AS t3
      FROM cla_episodes
      WHERE source = 'ssda903' AND place = 'T3' AND decom <= :year_end
        AND (dec IS NULL OR dec >= :year_start))
WHERE t3 > 2
