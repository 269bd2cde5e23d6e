-- Starts of placements (DfE placement stability measures; SSDA903 guidance): an episode
-- whose reason for new episode starts a placement with a new carer (S, P, T), and each
-- child's earliest episode on file whatever its reason. When the file starts part-way
-- through a child's care (its first episode is, say, a change of legal status, RNE L),
-- that episode's start is the latest the placement can have begun. A change of placement
-- with the same carer (RNE B, U) is not a new placement, nor is a temporary placement
-- (placement type T0-T4).
SELECT child_id, decom AS placement_start, rne, place
FROM (
    SELECT child_id, decom, rne, place,
           MIN(decom) OVER (PARTITION BY child_id) AS first_decom
    FROM cla_episodes
) e
WHERE decom = first_decom
   OR (rne IN ('S', 'P', 'T') AND COALESCE(place, '') NOT IN ('T0', 'T1', 'T2', 'T3', 'T4'))
