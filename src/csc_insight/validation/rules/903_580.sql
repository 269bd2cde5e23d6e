/*
code: "580"
return: ssda903
message: Child is missing when cease being looked after but reason episode ceased not ‘E8’.
severity: error
fields: [REC]
requires: [missing_episodes.end_date, cla_episodes.dec, children.dob]
note: >
  An episode ending on the day a Missing period of the child's ends, that day being the
  child's 18th birthday (date of birth from the Header), with a reason other than E8.
tests:
  pass:
    children: [{child_id: A, dob: 2004-07-01}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E8}]
    missing_episodes: [{child_id: A, missing_type: M, start_date: 2022-06-20, end_date: 2022-07-01}]
  fail:
    children: [{child_id: A, dob: 2004-07-01}, {child_id: B, dob: 2004-07-02}]
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: E4A}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: E4A}
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-06-20, end_date: 2022-07-01}
      - {child_id: B, missing_type: M, start_date: 2022-06-20, end_date: 2022-07-01}
  fails: [cla_episodes.csv:2]
*/
SELECT e.child_id, e.source_ref, e.dec, e.rec
FROM cla_episodes e
WHERE e.source = 'ssda903' AND e.rec IS DISTINCT FROM 'E8'
  AND EXISTS (SELECT 1 FROM missing_episodes m JOIN children c USING (child_id)
              WHERE m.source = 'ssda903' AND m.child_id = e.child_id
                AND m.end_date = e.dec AND CAST(c.dob + INTERVAL 18 YEAR AS DATE) = m.end_date)
