/*
title: Long-term placement stability
area: Children in care
unit: percent
polarity: higher
period_type: stock
order: 320
definition: >
  Children under 16 at period end, looked after continuously for at least 2.5 years, who
  have lived in the same placement for at least 2 years, or who are placed for adoption
  (placement type A3-A6) and whose adoptive placement and the placement before it
  together have lasted at least 2 years. A change of placement with the same carer (RNE T,
  U) and a temporary placement (T0-T4) are not moves; when a child's file starts
  part-way through their care, the earliest episode held starts the placement. Short
  breaks (V3, V4) are not counted.
source: DfE Children looked after in England, placement stability (long-term stability measure); SSDA903 guidance (RNE and placement codes)
numerator: children in the same placement for 2 years, or placed for adoption with that and the previous placement lasting 2 years
denominator: children under 16 looked after continuously for at least 2.5 years
requires: [cla_episodes.decom, cla_episodes.rne, children.dob]
*/
SELECT a.period, a.child_id,
       COALESCE(CASE WHEN a.placement_type IN ('A3', 'A4', 'A5', 'A6')
                     THEN a.previous_placement_start ELSE a.placement_start END
                <= a.period_end - INTERVAL 24 MONTH, FALSE) AS in_numerator,
       TRUE AS in_denominator, a.care_start, a.placement_start, a.placement_type,
       a.previous_placement_start, ch.dob
FROM cla_at_end a
JOIN care_child_facts ch ON ch.child_id = a.child_id
WHERE a.care_start <= a.period_end - INTERVAL 30 MONTH
  AND year(a.period_end) - year(ch.dob)
      - CASE WHEN month(a.period_end) * 100 + day(a.period_end)
                  < month(ch.dob) * 100 + day(ch.dob) THEN 1 ELSE 0 END < 16
