-- Visits (visit type CLA) to a child looked after that day (not under short breaks, legal
-- status V3, V4), one row per child, worker and day, with the start of the child's
-- placement (`cla_placement_starts`) and the date the visit is timed from: the previous
-- visit in the placement or, for the first in it (`first_in_placement`), its start.
SELECT child_id, worker, visit_date, placement_start,
       CASE WHEN prev_visit IS NULL OR prev_visit < placement_start THEN placement_start
            ELSE prev_visit END AS previous_date,
       (prev_visit IS NULL OR prev_visit < placement_start) AS first_in_placement
FROM (
    SELECT child_id, worker, visit_date, placement_start,
           LAG(visit_date) OVER (PARTITION BY child_id ORDER BY visit_date) AS prev_visit
    FROM (
        SELECT v.child_id, v.worker, v.visit_date,
               MAX(pl.placement_start) AS placement_start
        FROM visits v
        JOIN cla_episodes e ON e.child_id = v.child_id AND e.decom <= v.visit_date
            AND (e.dec IS NULL OR e.dec > v.visit_date)
            AND COALESCE(e.ls, '') NOT IN ('V3', 'V4')
        JOIN cla_placement_starts pl ON pl.child_id = v.child_id
            AND pl.placement_start <= v.visit_date
        WHERE v.visit_type = 'CLA'
        GROUP BY v.child_id, v.worker, v.visit_date
    ) in_care
) ordered
