/*
title: Children with a missing episode
area: Missing
unit: count
polarity: lower
period_type: flow
order: 390
definition: Children with at least one missing or away episode starting in the period.
source: DfE Children looked after statistics (SSDA903 Missing); local missing register
numerator: children with an episode starting in the period
requires: [missing_episodes.start_date]
*/
SELECT p.period, m.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       COUNT(*) AS episodes, MIN(m.start_date) AS first_start
FROM periods p
JOIN missing_episodes m ON m.start_date BETWEEN p.period_start AND p.period_end
GROUP BY p.period, m.child_id
