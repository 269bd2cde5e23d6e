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
-- A contact is the one a referral links to when the referral falls on or after it and
-- before the child's next contact (contacts ordered by date, then id): so each contact
-- needs only its successor's date, not a join of every contact with every referral.
-- Each contact is linked once, then counted in every period that holds it.
SELECT p.period, c.child_id, c.converted AS in_numerator, TRUE AS in_denominator,
       c.contact_id, c.contact_date, c.referral_id, c.referral_date
FROM periods p
JOIN (
    SELECT k.child_id, k.contact_id, k.contact_date,
           COUNT(r.referral_id) > 0 AS converted,
           MIN(r.referral_id) AS referral_id, MIN(r.referral_date) AS referral_date
    FROM (
        SELECT child_id, contact_id, contact_date,
               LEAD(contact_date) OVER (PARTITION BY child_id
                                        ORDER BY contact_date, contact_id) AS next_contact_date
        FROM contacts
    ) k
    JOIN (SELECT MIN(period_start) AS first_day, MAX(period_end) AS last_day FROM periods) b
        ON k.contact_date BETWEEN b.first_day AND b.last_day
    LEFT JOIN referrals r ON r.child_id = k.child_id AND r.referral_date >= k.contact_date
        AND (k.next_contact_date IS NULL OR r.referral_date < k.next_contact_date)
    GROUP BY k.child_id, k.contact_id, k.contact_date
) c ON c.contact_date BETWEEN p.period_start AND p.period_end
