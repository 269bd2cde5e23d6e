/*
code: "392b"
return: ssda903
message: "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]"
severity: error
fields: [HOME_POST, PL_POST]
requires: [cla_episodes.decom]
note: >
  Unaccompanied asylum-seeking children are left out, as in the reference.
differs_from_reference: >
  A child counts as unaccompanied here when any return loaded says so (Annex A List 8, the
  SSDA903 UASC table of any year, merged into the child's row); the reference knows only the
  UASC table of the files it is given, and its own message warns of false positives for
  children formerly UASC. On a full synthetic load it flags a former UASC child (no home
  postcode, status ceased before the year) that the snapshot knows as UASC.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: C2, home_post: EC1A 1BB, pl_post: SW1A 2AA}
      - {child_id: B, decom: 2022-06-01, ls: V3}
  fail:
    children: [{child_id: D, uasc: true}]
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: C2, home_post: EC1A 1BB, pl_post: SW1A 2AA}
      - {child_id: B, decom: 2022-06-01, ls: C2, home_post: EC1A 1BB}
      - {child_id: C, decom: 2022-06-01, pl_post: SW1A 2AA}
      - {child_id: D, decom: 2022-06-01, ls: C2}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT e.child_id, e.source_ref, e.ls, e.home_post, e.pl_post
FROM cla_episodes e
WHERE e.source = 'ssda903' AND (e.ls IS NULL OR e.ls NOT IN ('V3', 'V4'))
  AND (e.home_post IS NULL OR e.pl_post IS NULL)
  AND NOT EXISTS (SELECT 1 FROM children c WHERE c.child_id = e.child_id AND c.uasc)
