/*
title: Referrals
area: Contacts and referrals
unit: count
polarity: neutral
period_type: flow
order: 30
definition: Referrals (requests for services for a child not already open) in the period.
source: DfE Children in need statistics, methodology
numerator: referrals dated in the period
requires: [referrals.referral_date]
*/
SELECT p.period, r.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       r.team, r.worker, r.referral_id, r.referral_date
FROM periods p
JOIN referrals r ON r.referral_date BETWEEN p.period_start AND p.period_end
