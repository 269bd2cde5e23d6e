/*
title: Assessments started
area: Assessments
unit: count
polarity: neutral
period_type: flow
order: 100
definition: Child and family assessments started in the period.
source: DfE Children in need statistics
numerator: assessments with a start date in the period
requires: [assessments.start_date]
*/
SELECT p.period, a.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       a.team, a.worker, a.assessment_id, a.start_date
FROM periods p
JOIN assessments a ON a.start_date BETWEEN p.period_start AND p.period_end
