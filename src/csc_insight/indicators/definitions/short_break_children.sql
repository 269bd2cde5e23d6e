/*
title: Disabled children who received a short break
area: Early help
unit: count
polarity: neutral
period_type: flow
order: 64
definition: >
  Disabled children who received a short break at any time in the period, counted once
  however many breaks or services they had: children looked after under an agreed series
  of short-term breaks (an SSDA903 episode with legal status V3 or V4 open on some day of
  the period) and children given short breaks under section 17 without being looked after
  (a local short-break service running on some day of the period).
source: Breaks for Carers of Disabled Children Regulations 2011; SSDA903 LS V3/V4; short_breaks.csv
numerator: children with a short break on some day of the period
requires: [cla_episodes.ls, short_breaks.start_date]
*/
-- records: the V3/V4 episodes and section 17 services of the child that ran in the period
SELECT p.period, s.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       MIN(s.start_date) AS first_start, COUNT(*) AS records,
       MAX(s.looked_after) = 1 AS looked_after_v3_v4, MAX(s.section_17) = 1 AS section_17
FROM periods p
JOIN (
    SELECT child_id, decom AS start_date, dec AS end_date, 1 AS looked_after, 0 AS section_17
    FROM cla_episodes
    WHERE ls IN ('V3', 'V4')
    UNION ALL
    SELECT child_id, start_date, end_date, 0, 1
    FROM short_breaks
) s ON s.start_date <= p.period_end AND (s.end_date IS NULL OR s.end_date >= p.period_start)
GROUP BY p.period, s.child_id
