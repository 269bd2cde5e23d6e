-- Children looked after at the end of each period (an episode open that day; the child
-- leaves care on DEC), with the start of their current period of care, of their current
-- placement (`cla_placement_starts`), its placement type and the start of the placement
-- before it. Children looked after under an agreed series of short-term breaks (legal
-- status V3, V4) are not counted, as in the DfE's statistics.
SELECT c.period, c.period_end, c.child_id, c.care_start, c.legal_status,
       MAX(CASE WHEN pl.n = 1 THEN pl.placement_start END) AS placement_start,
       MAX(CASE WHEN pl.n = 1 THEN pl.place END) AS placement_type,
       MAX(CASE WHEN pl.n = 2 THEN pl.placement_start END) AS previous_placement_start
FROM (
    SELECT p.period, p.period_end, o.child_id, MAX(s.care_start) AS care_start,
           MAX(o.ls) AS legal_status
    FROM periods p
    JOIN cla_episodes o ON o.decom <= p.period_end
        AND (o.dec IS NULL OR o.dec > p.period_end)
        AND COALESCE(o.ls, '') NOT IN ('V3', 'V4')
    LEFT JOIN cla_care_starts s ON s.child_id = o.child_id AND s.care_start <= p.period_end
    GROUP BY p.period, p.period_end, o.child_id
) c
LEFT JOIN (
    SELECT p.period, ps.child_id, ps.placement_start, ps.place,
           ROW_NUMBER() OVER (PARTITION BY p.period, ps.child_id
                              ORDER BY ps.placement_start DESC) AS n
    FROM periods p
    JOIN cla_placement_starts ps ON ps.placement_start <= p.period_end
) pl ON pl.period = c.period AND pl.child_id = c.child_id AND pl.n <= 2
GROUP BY c.period, c.period_end, c.child_id, c.care_start, c.legal_status
