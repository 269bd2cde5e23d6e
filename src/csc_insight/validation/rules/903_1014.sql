/*
code: "1014"
return: ssda903
message: UASC information is not required for care leavers
severity: error
fields: [ACTIV, ACCOM, IN_TOUCH, DUC]
requires: [care_leavers.child_id, children.uasc, cla_episodes.decom]
differs_from_reference: >
  The reference lists the child's UASC row and OC3 row; the snapshot keeps one row per child
  merged across the returns, so the child's row is listed where it kept the SSDA903 source
  (its Header or UASC row), beside the OC3 row.
note: >
  A UASC child with episodes, none of them in the collection year (ending on or after
  1 April and starting by 31 March, or open and starting by 31 March), and an OC3 row for
  the year with IN_TOUCH, ACTIV or ACCOM completed.
tests:
  pass:
    children: [{child_id: A, uasc: true}, {child_id: B, uasc: true}]
    cla_episodes:
      - {child_id: A, decom: 2021-06-01, dec: 2022-04-01, rec: E8}
      - {child_id: B, decom: 2021-06-01, dec: 2022-03-01, rec: E8}
    care_leavers: [{child_id: A, year_ending: 2023-03-31, in_touch: "YES"}, {child_id: B, year_ending: 2023-03-31}]
  fail:
    children: [{child_id: A, uasc: true}, {child_id: B, uasc: false}, {child_id: C, uasc: true}]
    cla_episodes:
      - {child_id: A, decom: 2021-06-01, dec: 2022-03-01, rec: E8}
      - {child_id: B, decom: 2021-06-01, dec: 2022-03-01, rec: E8}
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, activity: F1}
      - {child_id: B, year_ending: 2023-03-31, activity: F1}
      - {child_id: C, year_ending: 2023-03-31, activity: F1}
  fails: [children.csv:2, care_leavers.csv:2]
*/
WITH leavers AS (
    SELECT l.child_id, l.source_ref
    FROM care_leavers l
    WHERE l.source = 'ssda903' AND l.year_ending = :year_end
      AND (l.in_touch IS NOT NULL OR l.activity IS NOT NULL OR l.accommodation IS NOT NULL)
      AND l.child_id IN (SELECT child_id FROM children WHERE uasc)
      AND l.child_id IN (
          SELECT child_id FROM cla_episodes WHERE source = 'ssda903' GROUP BY child_id
          HAVING NOT bool_or(COALESCE(dec >= :year_start AND decom <= :year_end, false)
                             OR COALESCE(decom <= :year_end AND dec IS NULL, false)))
)
SELECT child_id, source_ref FROM leavers
UNION ALL
SELECT child_id, source_ref FROM children
WHERE source = 'ssda903' AND child_id IN (SELECT child_id FROM leavers)
