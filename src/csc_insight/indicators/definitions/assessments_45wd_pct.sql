/*
title: Assessments authorised within 45 working days
area: Assessments
unit: percent
polarity: higher
period_type: flow
order: 120
definition: >
  Assessments authorised in the period whose authorisation date is no more than 45
  working days after the clock start: by default the assessment's actual start date, as
  the DfE measures it (so the figure compares like with like with England's); or, with
  the setting assessment_clock: referral, the referral date (Working Together's "from the
  point of referral": the assessment's own referral, else the child's latest referral on
  or before the assessment start, else the assessment start).
source: DfE Children in need statistics, table C2 (duration of assessments, from the assessment start); setting - Working Together to Safeguard Children 2018, chapter 1, para 82
numerator: assessments authorised within 45 working days
denominator: assessments authorised in the period
requires: [assessments.authorised_date, calendar.working_day_no]
params: {wd_limit: 45}
*/
SELECT x.period, x.child_id,
       COALESCE(cb.working_day_no - ca.working_day_no
                + :inclusive * CAST(ca.is_working_day AS INTEGER) <= :wd_limit,
                FALSE) AS in_numerator,
       TRUE AS in_denominator, x.team, x.worker, x.assessment_id, x.referral_date,
       x.start_date, x.authorised_date, x.clock_start,
       cb.working_day_no - ca.working_day_no
           + :inclusive * CAST(ca.is_working_day AS INTEGER) AS working_days
FROM (
    SELECT p.period, a.child_id, a.team, a.worker, a.assessment_id, a.referral_date,
           a.start_date, a.authorised_date,
           CASE WHEN :clock_from_referral THEN COALESCE(a.referral_date, a.start_date)
                ELSE a.start_date END AS clock_start
    FROM periods p
    JOIN assessment_referrals a ON a.authorised_date BETWEEN p.period_start AND p.period_end
) x
LEFT JOIN calendar ca ON ca.day = x.clock_start
LEFT JOIN calendar cb ON cb.day = x.authorised_date
