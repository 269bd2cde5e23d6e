/*
title: Children not looked after with a missing episode
area: Missing
unit: count
polarity: lower
period_type: flow
order: 390
definition: >
  Children not looked after when the episode started (the local missing register) with
  at least one missing episode starting in the period. Looked-after children are
  reported separately (missing, away), as the DfE does.
source: local missing register (local extras); statutory guidance on children who run away or go missing from home or care (2014)
numerator: children not looked after with an episode starting in the period
requires: [missing_episodes.start_date from local]
*/
SELECT p.period, m.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       COUNT(*) AS episodes, MIN(m.start_date) AS first_start
FROM periods p
JOIN missing_with_care m ON NOT m.looked_after AND m.start_date BETWEEN p.period_start AND p.period_end
GROUP BY p.period, m.child_id
