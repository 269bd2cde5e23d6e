/*
title: Open cases per allocated worker
area: Workforce
unit: ratio
polarity: lower
period_type: stock
order: 480
definition: Children allocated at period end divided by the number of workers holding them.
source: local measure
numerator: allocations open at period end (child and worker)
denominator: workers with at least one open allocation
denominator_distinct: worker
requires: [allocations.start_date]
*/
SELECT DISTINCT p.period, a.child_id, TRUE AS in_numerator, TRUE AS in_denominator,
       a.team, a.worker
FROM periods p
JOIN allocations a ON a.start_date <= p.period_end
    AND (a.end_date IS NULL OR a.end_date > p.period_end)
