/*
title: Children who started to be looked after
area: Children in care
unit: count
polarity: neutral
period_type: flow
order: 280
definition: >
  Children who started to be looked after in the period, each child counted once however
  many periods of care began for them in it. Periods of care under an agreed series of
  short-term breaks (legal status V3, V4) are not counted, as in the DfE's statistics.
source: DfE Children looked after in England, methodology (children who started to be looked after; short breaks excluded)
numerator: children with a period of care starting in the period
requires: [cla_episodes.decom]
*/
SELECT p.period, s.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       MIN(s.care_start) AS care_start, COUNT(*) AS periods_of_care_started
FROM periods p
JOIN cla_care_starts s ON s.care_start BETWEEN p.period_start AND p.period_end
GROUP BY p.period, s.child_id
