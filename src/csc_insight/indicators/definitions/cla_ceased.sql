/*
title: Children who ceased to be looked after
area: Children in care
unit: count
polarity: neutral
period_type: flow
order: 290
definition: >
  Episodes ending in the period with a reason that ends care (REC other than X1), other than
  those of an agreed series of short-term breaks (legal status V3, V4).
source: DfE Children looked after statistics
numerator: periods of care ending in the period
requires: [cla_episodes.dec, cla_episodes.rec]
*/
SELECT p.period, e.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       e.decom, e.dec, e.rec
FROM periods p
JOIN cla_episodes e ON e.dec BETWEEN p.period_start AND p.period_end
WHERE e.rec LIKE 'E%' AND COALESCE(e.ls, '') NOT IN ('V3', 'V4')
