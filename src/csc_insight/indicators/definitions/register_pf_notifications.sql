/*
title: Private fostering notifications
area: Registers
unit: count
polarity: neutral
period_type: flow
order: 60
definition: >
  Private fostering arrangements the local authority was notified of in the period (a
  child under 16, or 18 if disabled, cared for by someone other than a close relative for
  28 days or more). None is 0 when the register is kept, as the City's often is.
source: Children (Private Arrangements for Fostering) Regulations 2005; local private fostering register
numerator: arrangements notified in the period
requires: [registers.private_fostering.notified_on]
*/
SELECT p.period, f.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       f.notified_on, f.initial_visit_on, f.ended_on
FROM periods p
JOIN registers.private_fostering f ON f.notified_on BETWEEN p.period_start AND p.period_end
