/*
title: Return home interviews accepted
area: Missing
unit: count
polarity: neutral
period_type: flow
order: 410
definition: Returns from a missing episode in the period where the child accepted an RHI.
source: DfE statutory guidance on children who run away or go missing (2014)
numerator: returns in the period with the RHI accepted
requires: [missing_episodes.end_date, missing_episodes.rhi_accepted]
*/
SELECT p.period, m.child_id, COALESCE(m.rhi_accepted, FALSE) AS in_numerator,
       FALSE AS in_denominator, m.start_date, m.end_date, m.rhi_accepted
FROM periods p
JOIN missing_episodes m ON m.end_date BETWEEN p.period_start AND p.period_end
WHERE m.missing_type = 'M'
