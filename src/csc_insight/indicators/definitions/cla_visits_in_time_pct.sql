/*
title: Looked-after visits in time
area: Children in care
unit: percent
polarity: higher
period_type: flow
order: 340
definition: >
  Visits in the period to a looked-after child made in time: within 7 days of the
  placement starting for the first visit in a placement, then within 6 weeks of the
  previous visit (setting visit_days; the 3-monthly rule for placements intended to last
  until 18 is not applied).
source: Care Planning, Placement and Case Review (England) Regulations 2010, reg 28
numerator: visits made in time
denominator: CLA visits in the period to children looked after that day
requires: [visits.visit_date, cla_episodes.decom]
params: {first_visit_days: 7, visit_days: 42}
*/
SELECT p.period, v.child_id,
       COALESCE(date_diff('day', v.previous_date, v.visit_date)
                <= CASE WHEN v.first_in_placement THEN :first_visit_days ELSE :visit_days END,
                FALSE) AS in_numerator,
       TRUE AS in_denominator, v.worker, v.visit_date, v.previous_date, v.first_in_placement,
       date_diff('day', v.previous_date, v.visit_date) AS days
FROM (
    SELECT child_id, worker, visit_date,
           CASE WHEN prev_visit IS NULL OR prev_visit < placement_start THEN placement_start
                ELSE prev_visit END AS previous_date,
           (prev_visit IS NULL OR prev_visit < placement_start) AS first_in_placement
    FROM (
        SELECT child_id, worker, visit_date, placement_start,
               LAG(visit_date) OVER (PARTITION BY child_id ORDER BY visit_date) AS prev_visit
        FROM (
            SELECT v.child_id, v.worker, v.visit_date, MAX(pl.placement_start) AS placement_start
            FROM visits v
            JOIN cla_episodes e ON e.child_id = v.child_id AND e.decom <= v.visit_date
                AND (e.dec IS NULL OR e.dec > v.visit_date)
            JOIN cla_placement_starts pl ON pl.child_id = v.child_id
                AND pl.placement_start <= v.visit_date
            WHERE v.visit_type = 'CLA'
            GROUP BY v.child_id, v.worker, v.visit_date
        ) in_care
    ) ordered
) v
JOIN periods p ON v.visit_date BETWEEN p.period_start AND p.period_end
