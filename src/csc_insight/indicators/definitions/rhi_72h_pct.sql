/*
title: Return home interviews within 72 hours
area: Missing
unit: percent
polarity: higher
period_type: flow
order: 420
definition: >
  Returns from a missing episode in the period with a return home interview held within
  72 hours (3 days) of the return. Returns with no interview count as not in time.
source: DfE statutory guidance on children who run away or go missing (2014)
numerator: returns with an RHI held within 3 days
denominator: missing episodes ending in the period
requires: [missing_episodes.end_date, missing_episodes.rhi_date]
*/
SELECT p.period, m.child_id,
       COALESCE(m.rhi_date >= m.end_date AND date_diff('day', m.end_date, m.rhi_date) <= 3,
                FALSE) AS in_numerator,
       TRUE AS in_denominator, m.start_date, m.end_date, m.rhi_date
FROM periods p
JOIN missing_episodes m ON m.end_date BETWEEN p.period_start AND p.period_end
WHERE m.missing_type = 'M'
