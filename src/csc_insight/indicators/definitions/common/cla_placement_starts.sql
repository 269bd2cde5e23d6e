-- Starts of placements (DfE placement stability measures; SSDA903 guidance): an episode
-- whose reason for new episode starts a placement with new carers (S, P, B), and each
-- child's earliest episode on file whatever its reason. When the file starts part-way
-- through a child's care (its first episode is, say, a change of legal status, RNE L),
-- that episode's start is the latest the placement can have begun. A change of placement
-- with the same carer (RNE T, U) is not a new placement, nor is a temporary placement
-- (placement type T0-T4), nor the return from one to the placement held before it (same
-- placement type, URN and postcode). Episodes of an agreed series of short-term breaks
-- (legal status V3, V4) are not placements in care and are left out, as in the DfE's
-- statistics.
SELECT child_id, decom AS placement_start, rne, place
FROM (
    SELECT child_id, decom, rne, place, urn, pl_post,
           MIN(decom) OVER (PARTITION BY child_id) AS first_decom,
           LAG(place) OVER (PARTITION BY child_id ORDER BY decom) AS prev_place,
           LAG(place, 2) OVER (PARTITION BY child_id ORDER BY decom) AS held_place,
           LAG(urn, 2) OVER (PARTITION BY child_id ORDER BY decom) AS held_urn,
           LAG(pl_post, 2) OVER (PARTITION BY child_id ORDER BY decom) AS held_pl_post
    FROM cla_episodes
    WHERE COALESCE(ls, '') NOT IN ('V3', 'V4')
) e
WHERE decom = first_decom
   OR (rne IN ('S', 'P', 'B') AND COALESCE(place, '') NOT IN ('T0', 'T1', 'T2', 'T3', 'T4')
       AND NOT (rne <> 'S' AND COALESCE(prev_place, '') IN ('T0', 'T1', 'T2', 'T3', 'T4')
                AND place = held_place AND COALESCE(urn, '') = COALESCE(held_urn, '')
                AND COALESCE(pl_post, '') = COALESCE(held_pl_post, '')))
