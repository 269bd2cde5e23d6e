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
-- The child's latest earlier referral (`referral_history`) is within 12 months exactly when
-- any earlier referral is.
SELECT p.period, h.child_id,
       COALESCE(h.previous_referral_date >= h.referral_date - INTERVAL 12 MONTH, FALSE)
           AS in_numerator,
       TRUE AS in_denominator, h.team, h.worker, h.referral_id, h.referral_date,
       CASE WHEN h.previous_referral_date >= h.referral_date - INTERVAL 12 MONTH
            THEN h.previous_referral_date END AS previous_referral_date
FROM periods p
JOIN referral_history h ON h.referral_date BETWEEN p.period_start AND p.period_end
