/*
title: Assessments in which the child was seen
area: Assessments
unit: percent
polarity: higher
period_type: flow
order: 130
definition: >
  Assessments authorised in the period in which the child was seen, out of those whose
  answer is recorded. An assessment with no answer recorded is missing, not "not seen": it
  is left out of the denominator, and a period with no recorded answer has no figure.
source: Ofsted Annex A List 4 ("Was the child seen during this assessment?")
numerator: assessments authorised in the period with the child seen
denominator: assessments authorised in the period with the answer recorded
requires: [assessments.authorised_date, assessments.child_seen]
*/
SELECT p.period, a.child_id, COALESCE(a.child_seen, FALSE) AS in_numerator,
       a.child_seen IS NOT NULL AS in_denominator, a.team, a.worker, a.assessment_id,
       a.authorised_date, a.child_seen
FROM periods p
JOIN assessments a ON a.authorised_date BETWEEN p.period_start AND p.period_end
