/*
title: Children missing at period end
area: Missing
unit: count
polarity: lower
period_type: stock
order: 370
definition: Children with a missing or away episode open at the end of the period.
source: DfE Children looked after statistics (SSDA903 Missing); local missing register
numerator: children missing or away at period end
requires: [missing_episodes.start_date]
*/
SELECT p.period, m.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       MIN(m.start_date) AS missing_since
FROM periods p
JOIN missing_episodes m ON m.start_date <= p.period_end
    AND (m.end_date IS NULL OR m.end_date > p.period_end)
GROUP BY p.period, m.child_id
