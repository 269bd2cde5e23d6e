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
requires: [visits.visit_date from local, cp_plans.start_date, calendar.working_day_no]
params: {wd_limit: 10}
*/
SELECT p.period, v.child_id,
       COALESCE(cb.working_day_no - ca.working_day_no
                + :inclusive * CAST(ca.is_working_day AS INTEGER) <= :wd_limit,
                FALSE) AS in_numerator,
       TRUE AS in_denominator, v.worker, v.visit_date, v.previous_date,
       cb.working_day_no - ca.working_day_no
           + :inclusive * CAST(ca.is_working_day AS INTEGER) AS working_days
FROM periods p
JOIN cp_visit_intervals v ON v.visit_date BETWEEN p.period_start AND p.period_end
LEFT JOIN calendar ca ON ca.day = v.previous_date
LEFT JOIN calendar cb ON cb.day = v.visit_date
