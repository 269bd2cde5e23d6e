/*
title: Private fostering initial visits within 7 days of notification
area: Registers
unit: percent
polarity: higher
period_type: flow
order: 70
definition: >
  Of the private fostering arrangements notified in the period, those whose initial visit
  was made no more than 7 days after the notification. An arrangement with no visit
  recorded is not in time.
source: Children (Private Arrangements for Fostering) Regulations 2005, regulation 4; National Minimum Standards for Private Fostering
numerator: arrangements visited within 7 days of notification
denominator: arrangements notified in the period
requires: [registers.private_fostering.notified_on, registers.private_fostering.initial_visit_on]
params: {day_limit: 7}
*/
SELECT p.period, f.child_id,
       COALESCE(date_diff('day', f.notified_on, f.initial_visit_on) <= :day_limit, FALSE)
           AS in_numerator,
       TRUE AS in_denominator, f.notified_on, f.initial_visit_on,
       date_diff('day', f.notified_on, f.initial_visit_on) AS days
FROM periods p
JOIN registers.private_fostering f ON f.notified_on BETWEEN p.period_start AND p.period_end
