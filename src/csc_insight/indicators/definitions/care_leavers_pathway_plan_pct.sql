/*
title: Care leavers with an up-to-date pathway plan
area: Care leavers
unit: percent
polarity: higher
period_type: stock
order: 470
definition: >
  Care leavers aged 17-21 (as counted by "Care leavers") whose pathway plan was reviewed
  in the 6 months to period end.
source: Care Leavers (England) Regulations 2010, regulation 7 (pathway plan reviewed at least every 6 months)
numerator: care leavers with a pathway plan review in the last 6 months
denominator: care leavers aged 17-21
requires: [care_leavers.child_id, pathway_plan_reviews.review_date]
# Care leaver records are for some periods only (an OC3 collection year, Annex A List 9 at
# its own date): a period none of them speaks for is "no data", not no care leavers.
covered_by: care_leavers_at_end
*/
SELECT c.period, c.child_id,
       COALESCE(MAX(r.review_date) > c.period_end - INTERVAL 6 MONTH, FALSE) AS in_numerator,
       TRUE AS in_denominator, MAX(r.review_date) AS last_review
FROM care_leavers_at_end c
LEFT JOIN pathway_plan_reviews r ON r.child_id = c.child_id AND r.review_date <= c.period_end
GROUP BY c.period, c.period_end, c.child_id
