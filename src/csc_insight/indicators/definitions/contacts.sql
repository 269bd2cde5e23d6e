/*
title: Contacts
area: Contacts and referrals
unit: count
polarity: neutral
period_type: flow
order: 10
definition: Contacts received by children's social care in the period.
source: Annex A List 1; local extras contacts.csv
numerator: contacts dated in the period
requires: [contacts.contact_date]
*/
SELECT p.period, c.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       c.contact_id, c.contact_date
FROM periods p
JOIN contacts c ON c.contact_date BETWEEN p.period_start AND p.period_end
