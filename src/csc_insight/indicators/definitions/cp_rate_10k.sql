/*
title: Children on child protection plans per 10,000 children
area: Child protection
unit: rate_per_10k
polarity: neutral
period_type: stock
order: 220
definition: >
  Children on a child protection plan at period end per 10,000 children aged 0-17;
  population used: the ONS mid-year estimate of children aged 0-17 for the year the period's financial year starts in (population_year, population in the drill-down); without that year's estimate there is no rate, never another year's.
source: DfE Children in need statistics, table D1
numerator: children on a plan at period end
denominator: child population 0-17 (ONS mid-year estimate)
requires: [cp_plans.start_date, population.population]
*/
SELECT p.period, c.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       MIN(c.start_date) AS plan_start, year(p.fy_end) - 1 AS population_year,
       MAX(pop.population) AS population
FROM periods p
JOIN cp_plans c ON c.start_date <= p.period_end
    AND (c.end_date IS NULL OR c.end_date > p.period_end)
LEFT JOIN child_population pop ON pop.year = year(p.fy_end) - 1
GROUP BY p.period, p.fy_end, c.child_id
