/*
title: Children who ceased to be looked after
area: Children in care
unit: count
polarity: neutral
period_type: flow
order: 290
definition: >
  Children who ceased to be looked after in the period (an episode ending with a reason
  that ends care, REC other than X1), each child counted once however many periods of
  care ended for them in it. Episodes under an agreed series of short-term breaks (legal
  status V3, V4) are not counted, as in the DfE's statistics.
source: DfE Children looked after in England, methodology (children who ceased to be looked after; short breaks excluded)
numerator: children with a period of care ending in the period
requires: [cla_episodes.dec, cla_episodes.rec]
*/
SELECT p.period, e.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       MAX(e.dec) AS dec, MAX(e.rec) AS rec, COUNT(*) AS periods_of_care_ended
FROM periods p
JOIN cla_episodes e ON e.dec BETWEEN p.period_start AND p.period_end
WHERE e.rec LIKE 'E%' AND COALESCE(e.ls, '') NOT IN ('V3', 'V4')
GROUP BY p.period, e.child_id
