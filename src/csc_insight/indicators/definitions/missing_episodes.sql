/*
title: Missing episodes of children not looked after
area: Missing
unit: count
polarity: lower
period_type: flow
order: 380
definition: >
  Missing episodes starting in the period of children not looked after when they
  started (the local missing register). Looked-after children are reported separately
  (missing, away), as the DfE does.
source: local missing register (local extras); statutory guidance on children who run away or go missing from home or care (2014)
numerator: episodes of children not looked after starting in the period
requires: [missing_episodes.start_date from local]
*/
SELECT p.period, m.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       m.missing_type, m.start_date, m.end_date
FROM periods p
JOIN missing_with_care m ON NOT m.looked_after AND m.start_date BETWEEN p.period_start AND p.period_end
