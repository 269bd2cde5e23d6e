/*
title: Care leavers
area: Care leavers
unit: count
polarity: neutral
period_type: stock
order: 430
definition: Care leavers aged 17-21 at period end (their latest recorded status).
source: DfE Children looked after statistics (SSDA903 OC3); Annex A List 9
numerator: care leavers aged 17-21
requires: [care_leavers.child_id]
*/
SELECT c.period, c.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       c.year_ending, c.age
FROM care_leavers_at_end c
