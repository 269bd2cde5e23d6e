/*
title: Long-term placement stability
area: Children in care
unit: percent
polarity: higher
period_type: stock
order: 320
definition: >
  Children under 16 at period end, looked after continuously for at least 2.5 years, who
  have lived in the same placement for at least 2 years. (The adoption rule, placement
  for adoption and the placement before it together lasting 2 years, is not applied.)
source: DfE Children looked after statistics, placement stability measure
numerator: children whose current placement started at least 2 years before period end
denominator: children under 16 looked after continuously for at least 2.5 years
requires: [cla_episodes.decom, cla_episodes.rne, children.dob]
*/
SELECT a.period, a.child_id,
       COALESCE(a.placement_start <= a.period_end - INTERVAL 24 MONTH, FALSE) AS in_numerator,
       TRUE AS in_denominator, a.care_start, a.placement_start, ch.dob
FROM cla_at_end a
JOIN child_facts ch ON ch.child_id = a.child_id
WHERE a.care_start <= a.period_end - INTERVAL 30 MONTH
  AND year(a.period_end) - year(ch.dob)
      - CASE WHEN month(a.period_end) * 100 + day(a.period_end)
                  < month(ch.dob) * 100 + day(ch.dob) THEN 1 ELSE 0 END < 16
