/*
title: Pre-proceedings started
area: Child protection
unit: count
polarity: neutral
period_type: flow
order: 254
definition: Children's pre-proceedings (the Public Law Outline stage before an application to court) started in the period, as the CIN census records them from 2025-26.
source: DfE Children in need census 2025-26, PreProceedingsandFGDM
numerator: pre-proceedings starting in the period
requires: [pre_proceedings.start_date]
*/
SELECT p.period, pp.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       pp.pre_proceedings_id, pp.start_date, pp.letter_sent_date, pp.outcome
FROM periods p
JOIN pre_proceedings pp ON pp.start_date BETWEEN p.period_start AND p.period_end
