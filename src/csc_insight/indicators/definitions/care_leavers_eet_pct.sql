/*
title: Care leavers in education, employment or training
area: Care leavers
unit: percent
polarity: higher
period_type: stock
order: 440
definition: >
  Care leavers aged 17-21 whose latest activity is education, employment or training
  (OC3 ACTIV F1, P1, F2, P2, F4, P4, F5, P5).
source: DfE Children looked after statistics; SSDA903 code set
numerator: care leavers in education, employment or training
denominator: care leavers aged 17-21
requires: [care_leavers.activity]
*/
SELECT c.period, c.child_id, COALESCE(c.activity IN (:eet_codes), FALSE) AS in_numerator,
       TRUE AS in_denominator, c.year_ending, c.activity
FROM care_leavers_at_end c
