/*
title: Contacts converted to referrals
area: Contacts and referrals
unit: percent
polarity: neutral
period_type: flow
order: 40
definition: Referrals in the period as a percentage of contacts in the period.
source: local measure (seed 002 reports 43% in Q3 2019-20)
numerator: referrals dated in the period
denominator: contacts dated in the period
requires: [contacts.contact_date, referrals.referral_date]
*/
SELECT p.period, r.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       'referral' AS item, r.referral_date AS item_date
FROM periods p
JOIN referrals r ON r.referral_date BETWEEN p.period_start AND p.period_end
UNION ALL
SELECT p.period, c.child_id, FALSE AS in_numerator, TRUE AS in_denominator,
       'contact' AS item, c.contact_date AS item_date
FROM periods p
JOIN contacts c ON c.contact_date BETWEEN p.period_start AND p.period_end
