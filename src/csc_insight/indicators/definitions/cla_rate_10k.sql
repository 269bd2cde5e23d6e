/*
title: Children looked after per 10,000 children
area: Children in care
unit: rate_per_10k
polarity: neutral
period_type: stock
order: 270
definition: Children looked after at period end per 10,000 children aged 0-17.
source: DfE Children looked after statistics
numerator: children looked after at period end
denominator: child population 0-17 (ONS mid-year estimate)
requires: [cla_episodes.decom, population.population]
*/
SELECT a.period, a.child_id, TRUE AS in_numerator, FALSE AS in_denominator, a.care_start
FROM cla_at_end a
