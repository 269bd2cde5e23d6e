/*
title: Children who started to be looked after
area: Children in care
unit: count
polarity: neutral
period_type: flow
order: 280
definition: Periods of care starting in the period (a child can start more than one).
source: DfE Children looked after statistics
numerator: periods of care starting in the period
requires: [cla_episodes.decom]
*/
SELECT p.period, s.child_id, TRUE AS in_numerator, FALSE AS in_denominator, s.care_start
FROM periods p
JOIN cla_care_starts s ON s.care_start BETWEEN p.period_start AND p.period_end
