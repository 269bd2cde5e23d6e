/*
title: Missing episodes (the missing register and the returns, each once)
area: Registers
unit: count
polarity: lower
period_type: flow
order: 10
definition: >
  Episodes of children going missing from home or care that started in the period: every
  episode in the missing register, and every episode in the loaded returns (SSDA903
  Missing, local extras) that the register does not hold, each counted once (one child and
  start date is one episode), as the register pages and the termly paper count them.
source: local missing register; statutory guidance on children who run away or go missing from home or care (2014)
numerator: episodes starting in the period
requires: [registers.missing_episodes.start_date]
*/
SELECT p.period, e.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       e.start_date, e.returned_on, e.recorded_in
FROM periods p
JOIN missing_episodes_merged e ON e.start_date BETWEEN p.period_start AND p.period_end
