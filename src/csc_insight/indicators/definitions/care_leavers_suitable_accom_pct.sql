/*
title: Care leavers aged 19-21 in suitable accommodation
area: Care leavers
unit: percent
polarity: higher
period_type: stock
order: 450
definition: >
  Care leavers aged 19-21 whose accommodation around their latest birthday is recorded as
  suitable (OC3 ACCOM suffix 1), out of all care leavers of that age (the OC3 record of the collection year holding their latest birthday on or before the period's end; Annex A List 9 only for the period holding the Annex A's date). The England target and the DfE's comparators are for ages 19-21; ages 17-18 are a separate indicator.
source: DfE Children looked after in England, care leavers aged 19-21 in suitable accommodation (SSDA903 OC3 ACCOM suffix)
numerator: care leavers aged 19-21 in suitable accommodation
denominator: care leavers aged 19-21
requires: [care_leavers.suitable, children.dob]
# Care leaver records are for some periods only (an OC3 collection year, Annex A List 9 at
# its own date): a period none of them speaks for is "no data", not no care leavers.
covered_by: care_leavers_at_end
*/
SELECT c.period, c.child_id, COALESCE(c.suitable, FALSE) AS in_numerator,
       TRUE AS in_denominator, c.age, c.year_ending, c.source, c.accommodation, c.suitable
FROM care_leavers_at_end c
WHERE c.age BETWEEN 19 AND 21
