/*
title: Care leavers in suitable accommodation
area: Care leavers
unit: percent
polarity: higher
period_type: stock
order: 450
definition: Care leavers aged 17-21 whose latest accommodation is recorded as suitable.
source: DfE Children looked after statistics; SSDA903 OC3 ACCOM suffix
numerator: care leavers in suitable accommodation
denominator: care leavers aged 17-21
requires: [care_leavers.suitable]
*/
SELECT c.period, c.child_id, COALESCE(c.suitable, FALSE) AS in_numerator,
       TRUE AS in_denominator, c.year_ending, c.accommodation, c.suitable
FROM care_leavers_at_end c
