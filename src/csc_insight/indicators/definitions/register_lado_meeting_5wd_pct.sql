/*
title: LADO initial evaluation meetings within 5 working days
area: Registers
unit: percent
polarity: higher
period_type: flow
order: 50
definition: >
  Of the LADO referrals received in the period, those whose initial evaluation (strategy)
  meeting was held by the 5th working day after the day received (England's bank holidays
  are not working days). A referral with no meeting recorded is not in time.
source: Working Together to Safeguard Children 2018, chapter 2; Keeping Children Safe in Education; local LADO register
numerator: referrals whose initial meeting was within 5 working days
denominator: referrals received in the period
requires: [registers.lado_contacts.received_on, registers.lado_contacts.initial_meeting_on]
params: {wd_limit: 5}
*/
SELECT p.period, CAST(NULL AS VARCHAR) AS child_id,
       COALESCE(l.initial_meeting_on <= due.day, FALSE) AS in_numerator,
       TRUE AS in_denominator, l.received_on, due.day AS meeting_due_by,
       l.initial_meeting_on
FROM periods p
JOIN registers.lado_contacts l ON l.received_on BETWEEN p.period_start AND p.period_end
    AND l.met_threshold
LEFT JOIN registers.calendar received ON received.day = l.received_on
-- the wd_limit-th working day after the day received
LEFT JOIN registers.calendar due ON due.is_working_day
    AND due.working_day_no = received.working_day_no + :wd_limit
