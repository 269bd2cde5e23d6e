/*
title: Children in need at period end
area: Children in need
unit: count
polarity: neutral
period_type: stock
order: 140
definition: >
  Children with an episode of need (referral) open at the end of the period: referred on
  or before that day and not closed before or on it. Includes children on plans and in care.
source: DfE Children in need statistics
numerator: children with an open referral at period end
requires: [referrals.referral_date]
*/
SELECT p.period, r.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       MIN(r.referral_date) AS referral_date
FROM periods p
JOIN referrals r ON r.referral_date <= p.period_end
    AND (r.closure_date IS NULL OR r.closure_date > p.period_end)
GROUP BY p.period, r.child_id
