/*
title: Initial child protection conferences
area: Child protection
unit: count
polarity: neutral
period_type: flow
order: 180
definition: Initial child protection conferences held in the period.
source: DfE Children in need statistics, table C4
numerator: ICPCs dated in the period
requires: [s47_enquiries.icpc_date]
*/
SELECT p.period, s.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       s.team, s.worker, s.s47_id, s.start_date, s.icpc_date
FROM periods p
JOIN s47_enquiries s ON s.icpc_date BETWEEN p.period_start AND p.period_end
