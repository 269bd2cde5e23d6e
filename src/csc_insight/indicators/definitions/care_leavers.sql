/*
title: Care leavers
area: Care leavers
unit: count
polarity: neutral
period_type: stock
order: 430
definition: >
  Care leavers aged 17-21 at period end, with what was known of them then: the OC3 record
  of the collection year holding their latest birthday on or before period end (a year
  ending 31 March is exactly the DfE's cohort), or Annex A List 9 only in the period
  holding the Annex A's own date. Those who have died are left out.
source: DfE Children looked after in England, care leavers (SSDA903 OC3, status around the 17th-21st birthday); Ofsted Annex A List 9
numerator: care leavers aged 17-21
requires: [care_leavers.child_id]
# Care leaver records are for some periods only (an OC3 collection year, Annex A List 9 at
# its own date): a period none of them speaks for is "no data", not no care leavers.
covered_by: care_leavers_at_end
*/
SELECT c.period, c.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       c.age, c.year_ending, c.source
FROM care_leavers_at_end c
