/*
title: Assessments in which the child was seen
area: Assessments
unit: percent
polarity: higher
period_type: flow
order: 130
definition: Assessments authorised in the period in which the child was seen, of those
  authorised in the period with the answer recorded. An assessment with no answer recorded
  is left out (not counted as "not seen"); a period with none recorded has no figure.
source: Annex A List 4 (child seen during assessment)
numerator: assessments authorised in the period with the child seen
denominator: assessments authorised in the period with child seen recorded (yes or no)
requires: [assessments.authorised_date, assessments.child_seen]
*/
SELECT p.period, a.child_id, COALESCE(a.child_seen, FALSE) AS in_numerator,
       a.child_seen IS NOT NULL AS in_denominator, a.team, a.worker, a.assessment_id,
       a.authorised_date, a.child_seen
FROM periods p
JOIN assessments a ON a.authorised_date BETWEEN p.period_start AND p.period_end
