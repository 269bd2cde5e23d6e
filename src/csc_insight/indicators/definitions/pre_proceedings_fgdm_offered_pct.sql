/*
title: Pre-proceedings with a family group decision making meeting offered
area: Child protection
unit: percent
polarity: higher
period_type: flow
order: 256
definition: Pre-proceedings started in the period where the family was offered a family group decision making meeting (a family group conference). Records that do not say whether one was offered are left out.
source: DfE Children in need census 2025-26, PreProceedingsandFGDM/FGDMMeetingOffer
numerator: pre-proceedings with a meeting offered
denominator: pre-proceedings starting in the period that record whether one was offered
requires: [pre_proceedings.start_date, pre_proceedings.fgdm_offered]
*/
SELECT p.period, pp.child_id, pp.fgdm_offered AS in_numerator, TRUE AS in_denominator,
       pp.pre_proceedings_id, pp.start_date, pp.fgdm_offered, pp.fgdm_facilitated
FROM periods p
JOIN pre_proceedings pp ON pp.start_date BETWEEN p.period_start AND p.period_end
WHERE pp.fgdm_offered IS NOT NULL
