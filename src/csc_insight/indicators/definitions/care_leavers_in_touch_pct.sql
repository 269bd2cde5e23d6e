/*
title: Care leavers in touch
area: Care leavers
unit: percent
polarity: higher
period_type: stock
order: 460
definition: >
  Care leavers aged 17-21 whom the authority was in touch with around their latest
  birthday (OC3 IN_TOUCH YES), out of all care leavers aged 17-21 (the OC3 record of the
  collection year holding their latest birthday on or before period end; Annex A List 9
  only in the period holding the Annex A's date).
source: DfE Children looked after in England, care leavers in touch with the local authority (SSDA903 OC3 IN_TOUCH)
numerator: care leavers in touch
denominator: care leavers aged 17-21
requires: [care_leavers.in_touch]
# Care leaver records are for some periods only (an OC3 collection year, Annex A List 9 at
# its own date): a period none of them speaks for is "no data", not no care leavers.
covered_by: care_leavers_at_end
*/
SELECT c.period, c.child_id, COALESCE(c.in_touch = 'YES', FALSE) AS in_numerator,
       TRUE AS in_denominator, c.age, c.year_ending, c.source, c.in_touch
FROM care_leavers_at_end c
