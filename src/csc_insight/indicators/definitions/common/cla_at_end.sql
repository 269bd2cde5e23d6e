-- Children looked after at the end of each period (an episode open that day; the child
-- leaves care on DEC), with the start of their current period of care and placement.
-- Placement starts are those of `cla_placement_starts` (the earliest episode on file counts).
SELECT p.period, p.period_end, o.child_id,
       MAX(s.care_start) AS care_start, MAX(pl.placement_start) AS placement_start
FROM periods p
JOIN cla_episodes o ON o.decom <= p.period_end AND (o.dec IS NULL OR o.dec > p.period_end)
LEFT JOIN cla_care_starts s ON s.child_id = o.child_id AND s.care_start <= p.period_end
LEFT JOIN cla_placement_starts pl
    ON pl.child_id = o.child_id AND pl.placement_start <= p.period_end
GROUP BY p.period, p.period_end, o.child_id
