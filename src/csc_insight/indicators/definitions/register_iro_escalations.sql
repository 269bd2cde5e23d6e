/*
title: IRO escalations raised
area: Registers
unit: count
polarity: neutral
period_type: flow
order: 100
definition: >
  Disputes an Independent Reviewing Officer raised in the period about a looked-after
  child's care plan (the local dispute resolution protocol: informal, then formal stages),
  as the IRO service register records them, each counted once whatever stage it reached.
source: IRO Handbook 2010, chapter 6 (dispute resolution); local IRO service register
numerator: escalations raised in the period
requires: [registers.iro_escalations.raised_on]
*/
SELECT p.period, e.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       e.raised_on, e.category, e.stage, e.resolved_on, e.outcome
FROM periods p
JOIN registers.iro_escalations e ON e.raised_on BETWEEN p.period_start AND p.period_end
