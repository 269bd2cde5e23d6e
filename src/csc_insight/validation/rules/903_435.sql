/*
code: "435"
return: ssda903
message: Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.
severity: error
fields: [LS, PLACE, PL_POST, URN, PLACE_PROVIDER]
requires: [cla_episodes.rne]
note: >
  RNE P and T are both a change of placement only (the DfE's code list, formats/codes.py:
  P with new carers, T with the same carers), so for both the legal status must not change
  and the placement must. The previous episode is the child's one starting before. As in
  the reference, a blank never equals anything: a blank legal status is a change, and a
  blank placement detail makes the placement differ.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1, place_provider: PR1, pl_post: EC1A 1BB, urn: XXXXXXX}
      - {child_id: A, decom: 2022-07-01, dec: 2022-08-01, rec: X1, rne: P, ls: C2, place: U1, place_provider: PR1, pl_post: SW1A 2AA, urn: XXXXXXX}
      - {child_id: A, decom: 2022-08-01, rne: T, ls: C2, place: U2, place_provider: PR1, pl_post: SW1A 2AA, urn: XXXXXXX}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1, place_provider: PR1, pl_post: EC1A 1BB, urn: XXXXXXX}
      - {child_id: A, decom: 2022-07-01, dec: 2022-08-01, rec: X1, rne: T, ls: C2, place: U1, place_provider: PR1, pl_post: EC1A 1BB, urn: XXXXXXX}
      - {child_id: A, decom: 2022-08-01, rne: P, ls: C1, place: U3, place_provider: PR1, pl_post: EC1A 1BB, urn: XXXXXXX}
      - {child_id: B, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1}
      - {child_id: B, decom: 2022-07-01, rne: P, ls: C2, place: U1}
      - {child_id: C, decom: 2022-06-01, dec: 2022-07-01, rec: X1, ls: C2, place: U1, place_provider: PR1, pl_post: EC1A 1BB, urn: XXXXXXX}
      - {child_id: C, decom: 2022-07-01, rne: T, ls: C1, place: U3, place_provider: PR1, pl_post: EC1A 1BB, urn: XXXXXXX}
      - {child_id: D, decom: 2022-07-01, rne: P, ls: C1, place: U1}
  fails: [cla_episodes.csv:3, cla_episodes.csv:4, cla_episodes.csv:8]
*/
SELECT child_id, source_ref, rne, ls, previous_ls, place, previous_place
FROM (SELECT *, lag(ls) OVER w AS previous_ls, lag(place) OVER w AS previous_place,
             lag(pl_post) OVER w AS previous_pl_post, lag(urn) OVER w AS previous_urn,
             lag(place_provider) OVER w AS previous_provider,
             lag(child_id) OVER w AS previous_child
      FROM cla_episodes WHERE source = 'ssda903'
      WINDOW w AS (PARTITION BY child_id ORDER BY decom))
WHERE previous_child IS NOT NULL AND rne IN ('P', 'T')
  AND (NOT COALESCE(ls = previous_ls, false)
    OR COALESCE(place = previous_place AND pl_post = previous_pl_post
                AND urn = previous_urn AND place_provider = previous_provider, false))
