/*
title: Child protection visits in time
area: Child protection
unit: percent
polarity: higher
period_type: flow
order: 250
definition: >
  CP visits in the period to a child on a plan that day, made no more than 10 working
  days (setting) after the previous CP visit or, for the first, the plan start.
source: local practice standard (not statutory)
numerator: CP visits made in time
denominator: CP visits in the period to children on a plan
requires: [visits.visit_date, cp_plans.start_date, calendar.working_day_no]
params: {wd_limit: 10}
*/
SELECT p.period, v.child_id,
       COALESCE(cb.working_day_no - ca.working_day_no
                + :inclusive * CAST(ca.is_working_day AS INTEGER) <= :wd_limit,
                FALSE) AS in_numerator,
       TRUE AS in_denominator, v.worker, v.visit_date, v.previous_date,
       cb.working_day_no - ca.working_day_no
           + :inclusive * CAST(ca.is_working_day AS INTEGER) AS working_days
FROM (
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
            -- a visit after the last period's end is neither counted nor the previous
            -- visit of one that is
            JOIN (SELECT MAX(period_end) AS last_day FROM periods) b
                ON v.visit_date <= b.last_day
            WHERE v.visit_type = 'CP'
            GROUP BY v.child_id, v.worker, v.visit_date
        ) on_plan
    ) ordered
) v
JOIN periods p ON v.visit_date BETWEEN p.period_start AND p.period_end
LEFT JOIN calendar ca ON ca.day = v.previous_date
LEFT JOIN calendar cb ON cb.day = v.visit_date
