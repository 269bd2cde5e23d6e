/*
title: Contacts decided within 1 working day
area: Contacts and referrals
unit: percent
polarity: higher
period_type: flow
order: 20
definition: >
  Contacts in the period whose decision (outcome) date is no more than 1 working day after
  the contact date. A contact with no decision date counts as not decided in time.
source: local standard (seed 002 reports 91%)
numerator: contacts decided within 1 working day
denominator: contacts dated in the period
requires: [contacts.contact_date, contacts.decision_date, calendar.working_day_no]
params: {wd_limit: 1}
*/
SELECT p.period, c.child_id,
       COALESCE(cb.working_day_no - ca.working_day_no
                + :inclusive * CAST(ca.is_working_day AS INTEGER) <= :wd_limit,
                FALSE) AS in_numerator,
       TRUE AS in_denominator,
       c.contact_id, c.contact_date, c.decision_date,
       cb.working_day_no - ca.working_day_no
           + :inclusive * CAST(ca.is_working_day AS INTEGER) AS working_days
FROM periods p
JOIN contacts c ON c.contact_date BETWEEN p.period_start AND p.period_end
LEFT JOIN calendar ca ON ca.day = c.contact_date
LEFT JOIN calendar cb ON cb.day = c.decision_date
