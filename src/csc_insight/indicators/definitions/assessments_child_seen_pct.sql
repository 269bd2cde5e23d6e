/*
title: Assessments in which the child was seen
area: Assessments
unit: percent
polarity: higher
period_type: flow
order: 130
definition: Assessments authorised in the period in which the child was seen.
source: Annex A List 4 (child seen during assessment)
numerator: assessments authorised in the period with the child seen
denominator: assessments authorised in the period
requires: [assessments.authorised_date, assessments.child_seen]
*/
SELECT p.period, a.child_id, COALESCE(a.child_seen, FALSE) AS in_numerator,
       TRUE AS in_denominator, a.team, a.worker, a.assessment_id, a.authorised_date,
       a.child_seen
FROM periods p
JOIN assessments a ON a.authorised_date BETWEEN p.period_start AND p.period_end
