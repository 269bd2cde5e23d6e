-- Starts of placements: an episode whose reason for new episode starts a placement (S, P,
-- T, B or U), and each child's earliest episode on file whatever its reason. When the
-- file starts part-way through a child's care (its first episode is, say, a change of
-- legal status, RNE L), that episode's start is the latest the placement can have begun.
SELECT child_id, decom AS placement_start, rne, place
FROM (
    SELECT child_id, decom, rne, place,
           MIN(decom) OVER (PARTITION BY child_id) AS first_decom
    FROM cla_episodes
) e
WHERE rne IN ('S', 'P', 'T', 'B', 'U') OR decom = first_decom
