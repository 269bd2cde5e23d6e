/*
title: Looked-after children with an up-to-date health assessment
area: Children in care
unit: percent
polarity: higher
period_type: stock
order: 350
definition: >
  Children looked after continuously for at least 12 months at period end whose health
  assessment is up to date: one in the 6 months up to period end for a child under 5,
  in the 12 months for a child aged 5 or over (a child whose date of birth is not
  recorded is held to the 12-month rule). Short breaks (V3, V4) are not counted.
source: Statutory guidance "Promoting the health and well-being of looked-after children" (2015) and the Care Planning, Placement and Case Review (England) Regulations 2010, Schedule 1; DfE Children looked after in England (SSDA903 OC2 health assessments)
numerator: children with an up-to-date health assessment
denominator: children looked after continuously for at least 12 months at period end
requires: [cla_episodes.decom, health_assessments.assessment_date]
*/
SELECT x.period, x.child_id,
       COALESCE(x.last_health_assessment > CASE WHEN x.age < 5
                                                THEN x.period_end - INTERVAL 6 MONTH
                                                ELSE x.period_end - INTERVAL 12 MONTH END,
                FALSE) AS in_numerator,
       TRUE AS in_denominator, x.care_start, x.age, x.last_health_assessment
FROM (
    SELECT a.period, a.period_end, a.child_id, a.care_start,
           MAX(h.assessment_date) AS last_health_assessment,
           MAX(year(a.period_end) - year(ch.dob)
               - CASE WHEN month(a.period_end) * 100 + day(a.period_end)
                           < month(ch.dob) * 100 + day(ch.dob) THEN 1 ELSE 0 END) AS age
    FROM cla_at_end a
    LEFT JOIN care_child_facts ch ON ch.child_id = a.child_id
    LEFT JOIN health_assessments h ON h.child_id = a.child_id AND h.kind = 'health'
        AND h.assessment_date <= a.period_end
    WHERE a.care_start <= a.period_end - INTERVAL 12 MONTH
    GROUP BY a.period, a.period_end, a.child_id, a.care_start
) x
