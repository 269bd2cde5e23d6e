/*
title: Missing episodes
area: Missing
unit: count
polarity: lower
period_type: flow
order: 380
definition: Missing or away-from-placement episodes starting in the period.
source: DfE Children looked after statistics (SSDA903 Missing); local missing register
numerator: episodes starting in the period
requires: [missing_episodes.start_date]
*/
SELECT p.period, m.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       m.missing_type, m.start_date, m.end_date
FROM periods p
JOIN missing_episodes m ON m.start_date BETWEEN p.period_start AND p.period_end
