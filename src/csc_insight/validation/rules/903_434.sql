/*
code: "434"
return: ssda903
message: Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.
severity: error
fields: [RNE, LS, PLACE, PL_POST, URN, PLACE_PROVIDER]
requires: [cla_episodes.rne]
note: >
  The previous episode is the child's one starting before. Blank placement details compare
  equal; a blank legal status never equals the previous one, as in the reference.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1, place_provider: PR1, pl_post: EC1A 1BB}
      - {child_id: A, decom: 2022-07-01, rne: L, ls: C1, place: U1, place_provider: PR1, pl_post: EC1A 1BB}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1, place_provider: PR1, pl_post: EC1A 1BB}
      - {child_id: A, decom: 2022-07-01, dec: 2022-08-01, rec: X1, rne: L, ls: C1, place: U1, place_provider: PR1, pl_post: SW1A 2AA}
      - {child_id: A, decom: 2022-08-01, rne: L, ls: C1, place: U1, place_provider: PR1, pl_post: SW1A 2AA}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1}
      - {child_id: B, decom: 2022-07-01, rne: L, ls: C1, place: U1}
      - {child_id: C, decom: 2022-07-01, rne: L, ls: C1, place: U1}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, rne, ls, previous_ls, place, previous_place
FROM (SELECT *, lag(ls) OVER w AS previous_ls, lag(place) OVER w AS previous_place,
             lag(pl_post) OVER w AS previous_pl_post, lag(urn) OVER w AS previous_urn,
             lag(place_provider) OVER w AS previous_provider,
             lag(child_id) OVER w AS previous_child
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE previous_child IS NOT NULL AND rne = 'L'
  AND (ls = previous_ls
    OR COALESCE(place, '') <> COALESCE(previous_place, '')
    OR COALESCE(pl_post, '') <> COALESCE(previous_pl_post, '')
    OR COALESCE(urn, '') <> COALESCE(previous_urn, '')
    OR COALESCE(place_provider, '') <> COALESCE(previous_provider, ''))
