/*
title: Care leavers aged 17-18 in education, employment or training
area: Care leavers
unit: percent
polarity: higher
period_type: stock
order: 442
definition: >
  Care leavers aged 17-18 whose activity around their latest birthday is education,
  employment or training (OC3 ACTIV F1, P1, F2, P2, F4, P4, F5, P5), out of all care
  leavers of that age (the OC3 record of the collection year holding their latest birthday on or before the period's end; Annex A List 9 only for the period holding the Annex A's date). The DfE publishes ages 17-18 separately from 19-21, the age of the comparators.
source: DfE Children looked after in England, care leavers aged 17-18 in education, employment or training (SSDA903 OC3 ACTIV; SSDA903 guidance code set)
numerator: care leavers aged 17-18 in education, employment or training
denominator: care leavers aged 17-18
requires: [care_leavers.activity, children.dob]
# Care leaver records are for some periods only (an OC3 collection year, Annex A List 9 at
# its own date): a period none of them speaks for is "no data", not no care leavers.
covered_by: care_leavers_at_end
*/
SELECT c.period, c.child_id, COALESCE(c.activity IN (:eet_codes), FALSE) AS in_numerator,
       TRUE AS in_denominator, c.age, c.year_ending, c.source, c.activity
FROM care_leavers_at_end c
WHERE c.age BETWEEN 17 AND 18
