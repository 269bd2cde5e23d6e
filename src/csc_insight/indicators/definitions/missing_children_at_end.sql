/*
title: Children not looked after missing at period end
area: Missing
unit: count
polarity: lower
period_type: stock
order: 370
definition: >
  Children not looked after when the episode started (the local missing register) with
  a missing episode open at the end of the period. Looked-after children are reported
  separately (missing, away), as the DfE does.
source: local missing register (local extras); statutory guidance on children who run away or go missing from home or care (2014)
numerator: children not looked after missing at period end
requires: [missing_episodes.start_date from local]
*/
SELECT p.period, m.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       MIN(m.start_date) AS missing_since
FROM periods p
JOIN missing_with_care m ON NOT m.looked_after AND m.start_date <= p.period_end
    AND (m.end_date IS NULL OR m.end_date > p.period_end)
GROUP BY p.period, m.child_id
