/*
title: Second or subsequent child protection plans
area: Child protection
unit: percent
polarity: lower
period_type: flow
order: 230
definition: >
  Plans starting in the period for a child who had a previous child protection plan
  (ever): an earlier plan in the data, or a recorded number of previous plans above 0.
source: DfE Children in need statistics, table D3 (CPP_subsequent / CPP_start)
numerator: plans starting in the period that are second or subsequent
denominator: plans starting in the period
requires: [cp_plans.start_date]
*/
SELECT p.period, c.child_id,
       (COALESCE(c.previous_plans, 0) > 0 OR MAX(prev.start_date) IS NOT NULL) AS in_numerator,
       TRUE AS in_denominator, c.team, c.worker, c.cp_plan_id, c.start_date,
       c.previous_plans, MAX(prev.start_date) AS previous_plan_start
FROM periods p
JOIN cp_plans c ON c.start_date BETWEEN p.period_start AND p.period_end
LEFT JOIN cp_plans prev ON prev.child_id = c.child_id AND prev.start_date < c.start_date
GROUP BY p.period, c.child_id, c.team, c.worker, c.cp_plan_id, c.start_date, c.previous_plans
