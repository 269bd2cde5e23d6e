/*
title: Section 47 enquiries started
area: Child protection
unit: count
polarity: neutral
period_type: flow
order: 170
definition: Section 47 enquiries started (strategy discussion) in the period.
source: DfE Children in need statistics, table C1
numerator: S47 enquiries starting in the period
requires: [s47_enquiries.start_date]
*/
SELECT p.period, s.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       s.team, s.worker, s.s47_id, s.start_date
FROM periods p
JOIN s47_enquiries s ON s.start_date BETWEEN p.period_start AND p.period_end
