/*
title: Children looked after who had an IRO contact between reviews
area: Registers
unit: percent
polarity: higher
period_type: flow
order: 120
definition: >
  Of the children looked after at some time in the period (SSDA903 periods of care, short
  breaks left out), those with at least one contact from their Independent Reviewing
  Officer between reviews recorded in the period in the IRO service register (a visit,
  call or video call), as the IRO Annual Report counts them. While the register holds no
  contact at all the figure is "not recorded", not 0%.
source: IRO Handbook 2010, chapter 3 (the IRO's contact with the child between reviews); local IRO service register
numerator: children looked after with an IRO contact recorded in the period
denominator: children looked after at some time in the period
requires: [registers.iro_contacts.contact_on, cla_episodes.decom]
*/
SELECT la.period, la.child_id,
       c.contacts IS NOT NULL AND recorded.any_contact AS in_numerator,
       recorded.any_contact AS in_denominator,
       la.care_start, c.contacts, c.last_contact
FROM (
    SELECT p.period, cp.child_id, MAX(cp.care_start) AS care_start
    FROM periods p
    JOIN cla_care_periods cp ON cp.care_start <= p.period_end
        AND (cp.care_end IS NULL OR cp.care_end >= p.period_start)
    GROUP BY p.period, cp.child_id
) la
CROSS JOIN (
    SELECT COUNT(*) > 0 AS any_contact FROM registers.iro_contacts
) recorded
LEFT JOIN (
    SELECT p.period, i.child_id, COUNT(*) AS contacts, MAX(i.contact_on) AS last_contact
    FROM periods p
    JOIN registers.iro_contacts i ON i.contact_on BETWEEN p.period_start AND p.period_end
    GROUP BY p.period, i.child_id
) c ON c.period = la.period AND c.child_id = la.child_id
