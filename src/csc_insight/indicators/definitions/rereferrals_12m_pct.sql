/*
title: Re-referrals within 12 months
area: Contacts and referrals
unit: percent
polarity: lower
period_type: flow
order: 50
definition: >
  Referrals in the period for a child who had another referral in the 12 months before
  (on or after the same date a year earlier, and before this referral).
source: 'DfE, "Children in need: a focus on re-referrals"'
numerator: referrals in the period with a previous referral within 12 months
denominator: referrals dated in the period
requires: [referrals.referral_date]
*/
SELECT p.period, r.child_id, MAX(prev.referral_date) IS NOT NULL AS in_numerator,
       TRUE AS in_denominator, r.team, r.worker, r.referral_id, r.referral_date,
       MAX(prev.referral_date) AS previous_referral_date
FROM periods p
JOIN referrals r ON r.referral_date BETWEEN p.period_start AND p.period_end
LEFT JOIN referrals prev
    ON prev.child_id = r.child_id AND prev.referral_date < r.referral_date
    AND prev.referral_date >= r.referral_date - INTERVAL 12 MONTH
GROUP BY p.period, r.child_id, r.team, r.worker, r.referral_id, r.referral_date
