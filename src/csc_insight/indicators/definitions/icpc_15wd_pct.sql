/*
title: ICPCs within 15 working days of the strategy discussion
area: Child protection
unit: percent
polarity: higher
period_type: flow
order: 190
definition: >
  Initial child protection conferences held in the period no more than 15 working days
  after the strategy discussion that started the S47 enquiry. ICPCs dated before the
  S47 start are excluded.
source: Working Together 2018; DfE table C4
numerator: ICPCs within 15 working days
denominator: ICPCs held in the period (on or after the S47 start)
requires: [s47_enquiries.icpc_date, calendar.working_day_no]
params: {wd_limit: 15}
*/
SELECT p.period, s.child_id,
       COALESCE(cb.working_day_no - ca.working_day_no
                + :inclusive * CAST(ca.is_working_day AS INTEGER) <= :wd_limit,
                FALSE) AS in_numerator,
       TRUE AS in_denominator, s.team, s.worker, s.s47_id, s.start_date, s.icpc_date,
       cb.working_day_no - ca.working_day_no
           + :inclusive * CAST(ca.is_working_day AS INTEGER) AS working_days
FROM periods p
JOIN s47_enquiries s ON s.icpc_date BETWEEN p.period_start AND p.period_end
LEFT JOIN calendar ca ON ca.day = s.start_date
LEFT JOIN calendar cb ON cb.day = s.icpc_date
WHERE s.icpc_date >= s.start_date
