/*
code: "392d"
return: ssda903
message: Home and placement postcodes should not be same unless the placement type is P1.
severity: error
fields: [HOME_POST, PL_POST, PLACE]
requires: [cla_episodes.pl_post]
note: >
  Postcodes compare upper-cased, spaces kept, as in the reference; a blank placement type
  is not P1.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: P1, home_post: EC1A 1BB, pl_post: EC1A 1BB}
      - {child_id: B, decom: 2022-06-01, place: U1, home_post: EC1A 1BB, pl_post: SW1A 2AA}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: U1, home_post: EC1A 1BB, pl_post: ec1a 1bb}
      - {child_id: B, decom: 2022-06-01, home_post: EC1A 1BB, pl_post: EC1A 1BB}
      - {child_id: C, decom: 2022-06-01, place: U1, home_post: EC1A 1BB, pl_post: EC1A1BB}
      - {child_id: D, decom: 2022-06-01, place: U1}
  fails: [cla_episodes.csv:2, cla_episodes.csv:3]
*/
SELECT child_id, source_ref, place, home_post, pl_post
FROM cla_episodes
WHERE source = 'ssda903' AND place IS DISTINCT FROM 'P1' AND upper(home_post) = upper(pl_post)
