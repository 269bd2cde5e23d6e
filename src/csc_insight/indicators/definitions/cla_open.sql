/*
title: Children looked after at period end
area: Children in care
unit: count
polarity: neutral
period_type: stock
order: 260
definition: >
  Children with a looked-after episode open at the end of the period, other than an agreed
  series of short-term breaks (legal status V3, V4).
source: DfE Children looked after statistics
numerator: children looked after at period end
requires: [cla_episodes.decom]
*/
SELECT a.period, a.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       a.care_start, a.placement_start
FROM cla_at_end a
