-- Children looked after at the end of each period (an episode open that day; the child
-- leaves care on DEC), with the start of their current period of care and placement.
-- A placement starts with an episode whose reason for new episode is S, P, T, B or U.
-- Short breaks (legal status V3, V4) are not care here, as in DfE's statistics.
SELECT p.period, p.period_end, o.child_id,
       MAX(s.care_start) AS care_start, MAX(pl.decom) AS placement_start
FROM periods p
JOIN cla_episodes o ON o.decom <= p.period_end AND (o.dec IS NULL OR o.dec > p.period_end)
    AND COALESCE(o.ls, '') NOT IN ('V3', 'V4')
LEFT JOIN cla_care_starts s ON s.child_id = o.child_id AND s.care_start <= p.period_end
LEFT JOIN cla_episodes pl
    ON pl.child_id = o.child_id AND pl.decom <= p.period_end
    AND pl.rne IN ('S', 'P', 'T', 'B', 'U')
GROUP BY p.period, p.period_end, o.child_id
