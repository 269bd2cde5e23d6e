/*
code: "214"
return: ssda903
message: Placement location information not required.
severity: error
fields: [PL_POST, URN]
requires: [cla_episodes.ls]
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: V3}
      - {child_id: B, decom: 2022-06-01, ls: C2, pl_post: EC1A 1BB, urn: SC123456}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, ls: V3, pl_post: EC1A 1BB}
      - {child_id: B, decom: 2022-06-01, ls: V4, urn: XXXXXXX}
      - {child_id: C, decom: 2022-06-01, ls: V4}
      - {child_id: D, decom: 2022-06-01, ls: V2, pl_post: EC1A 1BB, urn: SC123456}
  fails: [cla_episodes.csv:2, cla_episodes.csv:3]
*/
SELECT child_id, source_ref, ls, pl_post, urn
FROM cla_episodes
WHERE source = 'ssda903' AND ls IN ('V3', 'V4') AND (pl_post IS NOT NULL OR urn IS NOT NULL)
