/*
code: "392c"
return: ssda903
message: Postcode(s) provided are invalid.
severity: error
fields: [HOME_POST, PL_POST]
requires: [cla_episodes.decom]
differs_from_reference: >
  The reference looks each postcode up in the ONS postcode directory; we check its form
  only (a full postcode: outward code, space, digit and two letters), so a sector-only
  'EC1A 1' fails here as it does there, but a well-formed postcode that does not exist
  passes here.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2022-06-01, home_post: EC1A 1BB, pl_post: SW1A 2AA}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, home_post: EC1A 1, pl_post: SW1A 2AA}
      - {child_id: B, decom: 2022-06-01, home_post: ec1a1bb, pl_post: SW1A 2AA}
      - {child_id: C, decom: 2022-06-01, home_post: EC1A 1BB, pl_post: SW1A}
      - {child_id: D, decom: 2022-06-01}
  fails: [cla_episodes.csv:2, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, home_post, pl_post
FROM cla_episodes
WHERE source = 'ssda903'
  AND ((home_post IS NOT NULL AND NOT regexp_full_match(upper(trim(home_post)),
            '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}'))
    OR (pl_post IS NOT NULL AND NOT regexp_full_match(upper(trim(pl_post)),
            '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}')))
