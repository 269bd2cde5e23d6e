/*
title: Care leavers in touch
area: Care leavers
unit: percent
polarity: higher
period_type: stock
order: 460
definition: Care leavers aged 17-21 whom the authority is in touch with (OC3 IN_TOUCH YES).
source: DfE Children looked after statistics; SSDA903 OC3
numerator: care leavers in touch
denominator: care leavers aged 17-21
requires: [care_leavers.in_touch]
*/
SELECT c.period, c.child_id, COALESCE(c.in_touch = 'YES', FALSE) AS in_numerator,
       TRUE AS in_denominator, c.year_ending, c.in_touch
FROM care_leavers_at_end c
