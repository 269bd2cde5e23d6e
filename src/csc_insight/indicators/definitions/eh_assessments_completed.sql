/*
title: Early help assessments completed
area: Early help
unit: count
polarity: neutral
period_type: flow
order: 80
definition: Early help assessments completed in the period.
source: local extras early_help.csv
numerator: early help assessments with a completion date in the period
requires: [early_help.completion_date]
*/
SELECT p.period, e.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       e.eh_id, e.start_date, e.completion_date
FROM periods p
JOIN early_help e ON e.completion_date BETWEEN p.period_start AND p.period_end
