/*
title: Referrals leading to no further action
area: Contacts and referrals
unit: percent
polarity: lower
period_type: flow
order: 60
definition: Referrals in the period that led to no further action.
source: DfE Children in need statistics (NFA flag)
numerator: referrals in the period marked no further action
denominator: referrals dated in the period
requires: [referrals.referral_date, referrals.nfa]
*/
SELECT p.period, r.child_id, COALESCE(r.nfa, FALSE) AS in_numerator, TRUE AS in_denominator,
       r.team, r.worker, r.referral_id, r.referral_date, r.nfa
FROM periods p
JOIN referrals r ON r.referral_date BETWEEN p.period_start AND p.period_end
