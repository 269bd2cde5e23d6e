-- Episodes that start a period of care: no earlier episode of the child runs up to them
-- (SSDA903 episodes chain: the next episode's DECOM is the previous episode's DEC), with
-- the legal status they start under.
SELECT child_id, decom AS care_start, ls
FROM (
    SELECT child_id, decom, ls,
           MAX(COALESCE(dec, DATE '9999-12-31')) OVER (
               PARTITION BY child_id ORDER BY decom
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
    FROM cla_episodes
) e
WHERE earlier_end IS NULL OR earlier_end < decom
