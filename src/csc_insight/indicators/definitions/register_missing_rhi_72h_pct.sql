/*
title: Missing episodes with a return interview offered within 72 hours
area: Registers
unit: percent
polarity: higher
period_type: flow
order: 20
definition: >
  Of the missing episodes that started in the period and have ended (the child found or
  returned), those whose return home interview was offered no more than 3 days (72 hours)
  after the return, as the missing register records the day it was offered. An episode
  known only from the returns, which record whether an interview was offered but not
  when, counts as not offered within 72 hours, as in the termly paper.
source: local missing register; statutory guidance on children who run away or go missing from home or care (2014), return interview within 72 hours
numerator: episodes with a return interview offered within 72 hours of the return
denominator: episodes starting in the period that have ended
requires: [registers.missing_episodes.rhi_offered_on]
params: {day_limit: 3}
*/
SELECT p.period, e.child_id,
       COALESCE(date_diff('day', e.returned_on, e.rhi_offered_on) <= :day_limit, FALSE)
           AS in_numerator,
       e.returned_on IS NOT NULL AS in_denominator,
       e.start_date, e.returned_on, e.rhi_offered_on, e.recorded_in
FROM periods p
JOIN missing_episodes_merged e ON e.start_date BETWEEN p.period_start AND p.period_end
