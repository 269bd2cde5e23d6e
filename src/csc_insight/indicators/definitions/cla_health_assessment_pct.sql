/*
title: Looked-after children with an up-to-date health assessment
area: Children in care
unit: percent
polarity: higher
period_type: stock
order: 350
definition: >
  Children looked after continuously for at least 12 months at period end whose latest
  health assessment was in the 12 months up to period end (the 6-monthly rule for
  under-5s is not applied).
source: DfE Children looked after statistics (OC2 health checks)
numerator: children with a health assessment in the last 12 months
denominator: children looked after continuously for at least 12 months at period end
requires: [cla_episodes.decom, health_assessments.assessment_date]
*/
SELECT a.period, a.child_id,
       COALESCE(MAX(h.assessment_date) > a.period_end - INTERVAL 12 MONTH, FALSE)
           AS in_numerator,
       TRUE AS in_denominator, a.care_start, MAX(h.assessment_date) AS last_health_assessment
FROM cla_at_end a
LEFT JOIN health_assessments h ON h.child_id = a.child_id AND h.kind = 'health'
    AND h.assessment_date <= a.period_end
WHERE a.care_start <= a.period_end - INTERVAL 12 MONTH
GROUP BY a.period, a.period_end, a.child_id, a.care_start
