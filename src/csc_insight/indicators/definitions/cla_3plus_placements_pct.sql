/*
title: Children looked after with 3 or more placements in 12 months (%)
area: Children in care
unit: percent
polarity: lower
period_type: stock
order: 310
definition: >
  Children looked after at period end who had 3 or more placements in the 12 months up
  to it: the placement they were in at the start of the 12 months, plus every episode
  starting in them with a new placement (reason for new episode S, P, T, B or U).
source: DfE Children looked after statistics, placement stability measure
numerator: children with 3 or more placements
denominator: children looked after at period end
requires: [cla_episodes.decom, cla_episodes.rne]
*/
SELECT a.period, a.child_id, COUNT(*) >= 3 AS in_numerator, TRUE AS in_denominator,
       a.care_start, COUNT(*) AS placements
FROM cla_at_end a
JOIN cla_episodes e ON e.child_id = a.child_id AND e.decom <= a.period_end
    AND (e.dec IS NULL OR e.dec > a.period_end - INTERVAL 12 MONTH)
    AND (e.decom <= a.period_end - INTERVAL 12 MONTH OR e.rne IN ('S', 'P', 'T', 'B', 'U'))
    AND COALESCE(e.ls, '') NOT IN ('V3', 'V4')
GROUP BY a.period, a.child_id, a.care_start
