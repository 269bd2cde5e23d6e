/*
title: Early help assessments started
area: Early help
unit: count
polarity: neutral
period_type: flow
order: 70
definition: Early help assessments started in the period.
source: local extras early_help.csv
numerator: early help assessments with a start date in the period
requires: [early_help.start_date]
*/
SELECT p.period, e.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       e.eh_id, e.start_date
FROM periods p
JOIN early_help e ON e.start_date BETWEEN p.period_start AND p.period_end
