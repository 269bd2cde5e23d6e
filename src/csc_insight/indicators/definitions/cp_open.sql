/*
title: Children on child protection plans at period end
area: Child protection
unit: count
polarity: neutral
period_type: stock
order: 200
definition: Children with a child protection plan open at the end of the period.
source: DfE Children in need statistics, table D1
numerator: children with a plan started on or before period end and not ended by it
requires: [cp_plans.start_date]
*/
SELECT p.period, c.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       MAX(c.team) AS team, MAX(c.worker) AS worker, MIN(c.start_date) AS plan_start
FROM periods p
JOIN cp_plans c ON c.start_date <= p.period_end
    AND (c.end_date IS NULL OR c.end_date > p.period_end)
GROUP BY p.period, c.child_id
