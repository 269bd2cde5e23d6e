/*
title: Contacts converted to referrals
area: Contacts and referrals
unit: percent
polarity: neutral
period_type: flow
order: 40
definition: >
  Contacts in the period that led to a referral. Each referral is linked to its contact:
  the child's latest contact on or before the referral date; a contact converted when at
  least one referral is linked to it (the referral may fall after the period's end). A
  referral with no earlier contact for the child converts nothing, so the rate can never
  exceed 100%.
source: local measure (seed 002 reports 43% in Q3 2019-20); contact and referral as in the DfE Children in need statistics, methodology
numerator: contacts in the period with a linked referral
denominator: contacts dated in the period
requires: [contacts.contact_date, referrals.referral_date]
*/
-- Each contact's link to a referral is worked out once (`contact_links`), then the contact
-- is counted in every period that holds it.
SELECT p.period, c.child_id, c.converted AS in_numerator, TRUE AS in_denominator,
       c.contact_id, c.contact_date, c.referral_id, c.referral_date
FROM periods p
JOIN contact_links c ON c.contact_date BETWEEN p.period_start AND p.period_end
