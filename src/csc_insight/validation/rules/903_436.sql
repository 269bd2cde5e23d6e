/*
code: "436"
return: ssda903
message: Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.
severity: error
fields: [RNE, LS, PLACE, PL_POST, URN, PLACE_PROVIDER]
requires: [cla_episodes.rne]
note: >
  Blanks compare equal, as in the reference.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1, place_provider: PR1}
      - {child_id: A, decom: 2022-07-01, rne: U, ls: C1, place: U2, place_provider: PR1}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1, place_provider: PR1}
      - {child_id: A, decom: 2022-07-01, dec: 2022-08-01, rec: X1, rne: U, ls: C2, place: U2, place_provider: PR1}
      - {child_id: A, decom: 2022-08-01, rne: B, ls: C1, place: U2, place_provider: PR1}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1}
      - {child_id: B, decom: 2022-07-01, rne: P, ls: C2, place: U1}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4]
*/
SELECT child_id, source_ref, rne, ls, previous_ls, place, previous_place
FROM (SELECT *, lag(ls) OVER w AS previous_ls, lag(place) OVER w AS previous_place,
             lag(pl_post) OVER w AS previous_pl_post, lag(urn) OVER w AS previous_urn,
             lag(place_provider) OVER w AS previous_provider,
             lag(child_id) OVER w AS previous_child
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE previous_child IS NOT NULL AND rne IN ('U', 'B')
  AND (ls IS NOT DISTINCT FROM previous_ls
    OR (place IS NOT DISTINCT FROM previous_place
        AND pl_post IS NOT DISTINCT FROM previous_pl_post
        AND urn IS NOT DISTINCT FROM previous_urn
        AND place_provider IS NOT DISTINCT FROM previous_provider))
