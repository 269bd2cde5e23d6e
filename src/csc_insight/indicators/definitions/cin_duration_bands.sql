/*
title: Children in need at period end, by time open
area: Children in need
unit: count
polarity: neutral
period_type: stock
order: 150
definition: >
  Children in need at period end by time since the referral that opened their earliest
  open episode: 6 months or less, more than 6 to 12 months, more than 1 to 2 years,
  more than 2 years.
source: local measure (seed 002); DfE table B2 uses similar bands
numerator: children with an open referral at period end
requires: [referrals.referral_date]
bands: [0-6 months, 6-12 months, 1-2 years, 2 years+]
*/
SELECT c.period, c.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       CASE WHEN c.referral_date >= c.period_end - INTERVAL 6 MONTH THEN '0-6 months'
            WHEN c.referral_date >= c.period_end - INTERVAL 12 MONTH THEN '6-12 months'
            WHEN c.referral_date >= c.period_end - INTERVAL 24 MONTH THEN '1-2 years'
            ELSE '2 years+' END AS band,
       c.referral_date
FROM cin_at_end c
