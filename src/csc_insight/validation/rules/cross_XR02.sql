/*
code: XR02
return: cross_return
message: A child in Annex A List 8 (children in care) has no SSDA903 episode.
severity: query
fields: [Child Unique ID, CHILD]
requires: [cla_summary.child_id]
note: Checked only when the snapshot holds SSDA903 episodes.
tests:
  pass:
    cla_summary: [{child_id: A, source: annex_a}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, source: ssda903}]
  fail:
    cla_summary: [{child_id: A, source: annex_a}, {child_id: B, source: annex_a}]
    cla_episodes: [{child_id: B, decom: 2022-06-01, source: ssda903}]
  fails: [cla_summary.csv:2]
*/
SELECT s.child_id, s.source_ref
FROM cla_summary s
WHERE s.source = 'annex_a'
  AND EXISTS (SELECT 1 FROM cla_episodes WHERE source = 'ssda903')
  AND NOT EXISTS (SELECT 1 FROM cla_episodes e
                  WHERE e.child_id = s.child_id AND e.source = 'ssda903')
