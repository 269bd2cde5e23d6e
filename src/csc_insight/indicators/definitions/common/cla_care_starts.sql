-- Episodes that start a period of care: no earlier episode of the child runs up to them
-- (SSDA903 episodes chain: the next episode's DECOM is the previous episode's DEC).
-- Episodes of an agreed series of short-term breaks (legal status V3, V4) are left out.
SELECT child_id, decom AS care_start
FROM (
    SELECT child_id, decom,
           MAX(COALESCE(dec, DATE '9999-12-31')) OVER (
               PARTITION BY child_id ORDER BY decom
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
    FROM cla_episodes
    WHERE COALESCE(ls, '') NOT IN ('V3', 'V4')
) e
WHERE earlier_end IS NULL OR earlier_end < decom
