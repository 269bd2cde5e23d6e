/*
title: Assessments completed
area: Assessments
unit: count
polarity: neutral
period_type: flow
order: 110
definition: Child and family assessments authorised in the period.
source: DfE Children in need statistics
numerator: assessments with an authorisation date in the period
requires: [assessments.authorised_date]
*/
SELECT p.period, a.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       a.team, a.worker, a.assessment_id, a.start_date, a.authorised_date
FROM periods p
JOIN assessments a ON a.authorised_date BETWEEN p.period_start AND p.period_end
