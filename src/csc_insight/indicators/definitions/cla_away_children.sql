/*
title: Looked-after children away from placement without authorisation
area: Missing
unit: count
polarity: lower
period_type: flow
order: 394
definition: >
  Children looked after (not on short breaks, V3, V4) on the day an episode started, with
  at least one episode in the period of being away from their placement without authorisation (SSDA903 MISSING = A).
  Missing and away are reported separately, as the DfE does; children not looked after
  are in the local register's indicators.
source: DfE Children looked after in England, missing and away from placement (SSDA903 Missing table, MISSING = M / A)
numerator: looked-after children with an episode starting in the period
requires: [missing_episodes.start_date, cla_episodes.decom]
*/
SELECT p.period, m.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       COUNT(*) AS episodes, MIN(m.start_date) AS first_start
FROM periods p
JOIN missing_with_care m ON m.start_date BETWEEN p.period_start AND p.period_end
WHERE m.looked_after AND m.missing_type = 'A'
GROUP BY p.period, m.child_id
