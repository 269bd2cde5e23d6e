/*
title: IRO escalations resolved within 20 working days of reaching their stage
area: Registers
unit: percent
polarity: higher
period_type: flow
order: 110
definition: >
  Of the IRO escalations raised in the period and resolved or closed by its end, those
  resolved or closed by the 20th working day after the day they reached their last stage
  (the day raised when no stage date is recorded; England's bank holidays are not working
  days), as the IRO Annual Report counts them. An escalation still open at the period's
  end is not counted either way.
source: IRO Handbook 2010, chapter 6 (dispute resolution); local IRO service register
numerator: escalations resolved within 20 working days of reaching their stage
denominator: escalations raised in the period and resolved or closed by its end
requires: [registers.iro_escalations.stage_on, registers.iro_escalations.resolved_on]
params: {wd_limit: 20}
*/
SELECT p.period, e.child_id,
       COALESCE(e.resolved_on <= due.day, FALSE) AS in_numerator, TRUE AS in_denominator,
       e.raised_on, e.stage, COALESCE(e.stage_on, e.raised_on) AS stage_reached_on,
       due.day AS resolve_by, e.resolved_on, e.outcome
FROM periods p
JOIN registers.iro_escalations e ON e.raised_on BETWEEN p.period_start AND p.period_end
    AND e.resolved_on <= p.period_end
LEFT JOIN registers.calendar reached ON reached.day = COALESCE(e.stage_on, e.raised_on)
-- the wd_limit-th working day after the day it reached its stage
LEFT JOIN registers.calendar due ON due.is_working_day
    AND due.working_day_no = reached.working_day_no + :wd_limit
