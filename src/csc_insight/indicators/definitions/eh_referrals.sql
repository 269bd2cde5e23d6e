/*
title: Referrals to early help
area: Early help
unit: count
polarity: neutral
period_type: flow
order: 62
definition: >
  Referrals (requests) for early help received in the period, whoever made them and
  whatever became of them: a request passed on to children's social care as a referral
  still counts as a referral to early help.
source: local extras early_help.csv (REFERRAL_DATE)
numerator: early help referrals dated in the period
requires: [early_help.referral_date]
*/
SELECT p.period, e.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       e.eh_id, e.referral_date, e.referral_source, e.referral_outcome, e.start_date
FROM periods p
JOIN early_help e ON e.referral_date BETWEEN p.period_start AND p.period_end
