/*
title: Children in need per 10,000 children
area: Children in need
unit: rate_per_10k
polarity: neutral
period_type: stock
order: 160
definition: >
  Children in need at period end per 10,000 children aged 0-17; population used: the ONS mid-year estimate of children aged 0-17 for the year the period's financial year starts in (population_year, population in the drill-down); without that year's estimate there is no rate, never another year's.
source: DfE Children in need statistics
numerator: children with an open referral at period end
denominator: child population 0-17 (ONS mid-year estimate)
requires: [referrals.referral_date, population.population]
*/
SELECT c.period, c.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       c.referral_date, year(c.fy_end) - 1 AS population_year, pop.population
FROM cin_at_end c
LEFT JOIN child_population pop ON pop.year = year(c.fy_end) - 1
