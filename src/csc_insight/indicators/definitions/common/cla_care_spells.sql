-- Periods of care as the Virtual School reads them (registers/virtual_school_cohort.py):
-- the episodes (short breaks, V3 and V4, left out) that run into one another, each
-- starting on or before the latest end so far, from the first one's start (`cla_care_starts`
-- starts the same ones) to the latest end, the day the child left (NULL while one is open).
SELECT child_id, MIN(decom) AS spell_start,
       CASE WHEN COUNT(*) > COUNT(dec) THEN NULL ELSE MAX(dec) END AS spell_end
FROM (
    SELECT child_id, decom, dec,
           SUM(CASE WHEN earlier_end IS NULL OR earlier_end < decom THEN 1 ELSE 0 END) OVER (
               PARTITION BY child_id ORDER BY decom, dec
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS spell_no
    FROM (
        SELECT child_id, decom, dec,
               MAX(COALESCE(dec, DATE '9999-12-31')) OVER (
                   PARTITION BY child_id ORDER BY decom, dec
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
        FROM cla_episodes
        WHERE COALESCE(ls, '') NOT IN ('V3', 'V4')
    ) e
) s
GROUP BY child_id, spell_no
