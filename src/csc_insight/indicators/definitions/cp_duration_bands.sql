/*
title: Children on child protection plans at period end, by plan length
area: Child protection
unit: count
polarity: neutral
period_type: stock
order: 210
definition: >
  Children on a plan at period end by time since the plan started: 3 months or less;
  more than 3 to 6 months; more than 6 months to under 1 year; 1 year to under 2 years;
  2 years or more.
source: DfE Children in need statistics, table D5
numerator: children on a plan at period end
requires: [cp_plans.start_date]
bands: [3 months or less, 3-6 months, 6-12 months, 1-2 years, 2 years+]
*/
SELECT x.period, x.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       CASE WHEN x.plan_start >= x.period_end - INTERVAL 3 MONTH THEN '3 months or less'
            WHEN x.plan_start >= x.period_end - INTERVAL 6 MONTH THEN '3-6 months'
            WHEN x.plan_start > x.period_end - INTERVAL 12 MONTH THEN '6-12 months'
            WHEN x.plan_start > x.period_end - INTERVAL 24 MONTH THEN '1-2 years'
            ELSE '2 years+' END AS band,
       x.plan_start
FROM (
    SELECT p.period, p.period_end, c.child_id, MIN(c.start_date) AS plan_start
    FROM periods p
    JOIN cp_plans c ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
    GROUP BY p.period, p.period_end, c.child_id
) x
