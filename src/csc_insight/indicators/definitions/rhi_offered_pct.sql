/*
title: Return home interviews offered
area: Missing
unit: percent
polarity: higher
period_type: flow
order: 400
definition: Returns from a missing episode in the period for which an RHI was offered.
source: DfE statutory guidance on children who run away or go missing (2014)
numerator: returns with a return home interview offered
denominator: missing episodes ending in the period
requires: [missing_episodes.end_date, missing_episodes.rhi_offered]
*/
SELECT p.period, m.child_id, COALESCE(m.rhi_offered, FALSE) AS in_numerator,
       TRUE AS in_denominator, m.start_date, m.end_date, m.rhi_offered
FROM periods p
JOIN missing_episodes m ON m.end_date BETWEEN p.period_start AND p.period_end
WHERE m.missing_type = 'M'
