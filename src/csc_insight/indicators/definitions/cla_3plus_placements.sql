/*
title: Children looked after with 3 or more placements in 12 months
area: Children in care
unit: count
polarity: lower
period_type: stock
order: 300
definition: >
  Children looked after at period end who had 3 or more placements in the 12 months up
  to it: the placement they were in at the start of the 12 months, plus every new
  placement starting in them. A change of placement with the same carer (RNE T, U) and a
  temporary placement (T0-T4) are not new placements; children looked after under an
  agreed series of short-term breaks (V3, V4) are not counted.
source: DfE Children looked after in England, placement stability (3 or more placements); SSDA903 guidance (RNE and placement codes)
numerator: children with 3 or more placements
requires: [cla_episodes.decom, cla_episodes.rne from ssda903]
*/
SELECT a.period, a.child_id,
       COUNT(DISTINCT ps.placement_start)
           + MAX(CASE WHEN e.child_id IS NULL THEN 0 ELSE 1 END) >= 3 AS in_numerator,
       FALSE AS in_denominator, a.care_start,
       COUNT(DISTINCT ps.placement_start)
           + MAX(CASE WHEN e.child_id IS NULL THEN 0 ELSE 1 END) AS placements
FROM cla_at_end a
-- the placement held at the start of the 12 months
LEFT JOIN cla_episodes e ON e.child_id = a.child_id
    AND e.decom <= a.period_end - INTERVAL 12 MONTH
    AND (e.dec IS NULL OR e.dec > a.period_end - INTERVAL 12 MONTH)
    AND COALESCE(e.ls, '') NOT IN ('V3', 'V4')
-- new placements in them
LEFT JOIN cla_placement_starts ps ON ps.child_id = a.child_id
    AND ps.placement_start > a.period_end - INTERVAL 12 MONTH
    AND ps.placement_start <= a.period_end
GROUP BY a.period, a.child_id, a.care_start
