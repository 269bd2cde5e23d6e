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
SELECT c.period, c.child_id, TRUE AS in_numerator, FALSE AS in_denominator, c.referral_date
FROM cin_at_end c
