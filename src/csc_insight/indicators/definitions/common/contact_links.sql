-- Each contact with the referral it led to, if any. A referral links to the child's latest
-- contact on or before the referral date (contacts ordered by date, then id): it falls on
-- or after the contact and before the child's next contact, so each contact needs only
-- its successor's date, not a join of every contact with every referral. A contact
-- converted when at least one referral is linked to it (`referral_id`, `referral_date`:
-- the least of them); a referral with no earlier contact links to nothing.
SELECT k.child_id, k.contact_id, k.contact_date,
       COUNT(r.referral_id) > 0 AS converted,
       MIN(r.referral_id) AS referral_id, MIN(r.referral_date) AS referral_date
FROM (
    SELECT child_id, contact_id, contact_date,
           LEAD(contact_date) OVER (PARTITION BY child_id
                                    ORDER BY contact_date, contact_id) AS next_contact_date
    FROM contacts
) k
LEFT JOIN referrals r ON r.child_id = k.child_id AND r.referral_date >= k.contact_date
    AND (k.next_contact_date IS NULL OR r.referral_date < k.next_contact_date)
GROUP BY k.child_id, k.contact_id, k.contact_date
