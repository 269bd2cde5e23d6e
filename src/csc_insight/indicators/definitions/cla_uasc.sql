/*
title: Unaccompanied asylum-seeking children looked after
area: Children in care
unit: count
polarity: neutral
period_type: stock
order: 360
definition: Children looked after at period end who were unaccompanied asylum seekers then.
source: DfE Children looked after statistics (SSDA903 UASC)
numerator: UASC looked after at period end
requires: [cla_episodes.decom, children.uasc]
*/
SELECT a.period, a.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       a.care_start, ch.uasc_ceased
FROM cla_at_end a
JOIN care_child_facts ch ON ch.child_id = a.child_id
WHERE ch.uasc = 1 AND (ch.uasc_ceased IS NULL OR ch.uasc_ceased > a.period_end)
