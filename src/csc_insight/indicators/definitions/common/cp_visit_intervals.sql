-- CP visits (visit type CP) to a child on a child protection plan that day, one row per
-- child, worker and day, with the date the visit is timed from: the child's previous CP
-- visit on the plan or, for the first, the start of the plan (the latest plan started by
-- the visit, should two overlap).
SELECT child_id, worker, visit_date,
       CASE WHEN prev_visit IS NULL OR prev_visit < plan_start THEN plan_start
            ELSE prev_visit END AS previous_date
FROM (
    SELECT child_id, worker, visit_date, plan_start,
           LAG(visit_date) OVER (PARTITION BY child_id ORDER BY visit_date) AS prev_visit
    FROM (
        SELECT v.child_id, v.worker, v.visit_date, MAX(c.start_date) AS plan_start
        FROM visits v
        JOIN cp_plans c ON c.child_id = v.child_id AND c.start_date <= v.visit_date
            AND (c.end_date IS NULL OR c.end_date >= v.visit_date)
        WHERE v.visit_type = 'CP'
        GROUP BY v.child_id, v.worker, v.visit_date
    ) on_plan
) ordered
