/*
title: Children looked after per 10,000 children
area: Children in care
unit: rate_per_10k
polarity: neutral
period_type: stock
order: 270
definition: >
  Children looked after at period end (not counting short breaks, V3, V4) per 10,000
  children aged 0-17 (ONS mid-year estimate for the year the period's financial year
  starts in: population_year and population in the drill-down; without that year's
  estimate there is no rate, never another year's).
source: DfE Children looked after in England, methodology (rate per 10,000 children aged under 18)
numerator: children looked after at period end
denominator: child population 0-17 (ONS mid-year estimate)
requires: [cla_episodes.decom, population.population]
*/
SELECT a.period, a.child_id, TRUE AS in_numerator, FALSE AS in_denominator, a.care_start,
       year(p.fy_end) - 1 AS population_year, pop.population
FROM cla_at_end a
JOIN periods p ON p.period = a.period
LEFT JOIN child_population pop ON pop.year = year(p.fy_end) - 1
