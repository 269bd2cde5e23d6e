/*
code: "210"
return: ssda903
message: Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.
severity: error
fields: [UPN, DECOM]
requires: [children.upn_unknown, cla_episodes.decom]
note: >
  As in the reference, the episode and the child's Header row both fail. The Header's
  'UPN unknown' code is in upn_unknown (rule 168).
tests:
  pass:
    children: [{child_id: A, upn_unknown: UN4}]
    cla_episodes: [{child_id: A, decom: 2023-03-23}]
  fail:
    children: [{child_id: A, upn_unknown: UN4}, {child_id: B, upn_unknown: UN3}]
    cla_episodes:
      - {child_id: A, decom: 2023-03-23}
      - {child_id: A, decom: 2023-03-24}
      - {child_id: B, decom: 2023-03-24}
  fails: [cla_episodes.csv:3, children.csv:2]
*/
WITH late AS (
    SELECT e.child_id, e.source_ref, c.source_ref AS header_ref, c.upn_unknown AS upn, e.decom
    FROM cla_episodes e JOIN children c USING (child_id)
    WHERE e.source = 'ssda903' AND c.source = 'ssda903' AND c.upn_unknown = 'UN4'
      AND e.decom BETWEEN make_date(year(:year_end), 3, 24) AND :year_end
)
SELECT child_id, source_ref, upn, decom FROM late
UNION
SELECT DISTINCT child_id, header_ref, upn, NULL FROM late
