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
SELECT p.period, c.child_id, COUNT(l.referral_id) > 0 AS in_numerator,
       TRUE AS in_denominator, c.contact_id, c.contact_date,
       MIN(l.referral_id) AS referral_id, MIN(l.referral_date) AS referral_date
FROM periods p
JOIN contacts c ON c.contact_date BETWEEN p.period_start AND p.period_end
LEFT JOIN (
    SELECT referral_id, child_id, referral_date, contact_id
    FROM (
        SELECT r.referral_id, r.child_id, r.referral_date, k.contact_id,
               ROW_NUMBER() OVER (PARTITION BY r.child_id, r.referral_id, r.referral_date
                                  ORDER BY k.contact_date DESC, k.contact_id DESC) AS rn
        FROM referrals r
        JOIN contacts k ON k.child_id = r.child_id AND k.contact_date <= r.referral_date
    ) linked
    WHERE rn = 1
) l ON l.child_id = c.child_id AND l.contact_id = c.contact_id
GROUP BY p.period, c.child_id, c.contact_id, c.contact_date
