/*
title: Looked-after children persistently absent from school
area: Registers
unit: percent
polarity: lower
period_type: flow
order: 150
definition: >
  Of the Virtual School's children with attendance recorded for a school term that ended
  in the period (autumn on 31 December, spring on 31 March, summer on 31 August), those
  whose attendance, the mean of those terms' figures, was 90% or less: persistent absence,
  missing 10% or more of possible sessions, as the DfE defines it. The Virtual School's
  children: looked after at some time in the period (SSDA903, short breaks left out) and
  in Nursery to Year 13 in the term's school year.
source: DfE, Pupil absence in schools in England (persistent absence, 10% or more of possible sessions missed); local Virtual School register
numerator: children with attendance of 90% or less
denominator: children with attendance recorded for a term that ended in the period
requires: [registers.vs_attendance.percent, cla_episodes.decom, children.dob]
params: {persistent_absence: 90.0}
*/
SELECT x.period, x.child_id, x.attendance <= :persistent_absence AS in_numerator,
       TRUE AS in_denominator, x.terms, x.attendance
FROM (
    SELECT p.period, a.child_id, COUNT(*) AS terms, AVG(a.percent) AS attendance
    FROM periods p
    JOIN registers.vs_attendance a ON a.term_ends_on BETWEEN p.period_start AND p.period_end
    JOIN child_facts f ON f.child_id = a.child_id AND f.dob IS NOT NULL
    WHERE (year(a.term_ends_on) - CASE WHEN month(a.term_ends_on) >= 9 THEN 0 ELSE 1 END)
          - (year(f.dob) - CASE WHEN month(f.dob) >= 9 THEN 0 ELSE 1 END) - 5
          BETWEEN -1 AND 13
      AND EXISTS (
          SELECT 1 FROM cla_care_spells s
          WHERE s.child_id = a.child_id AND s.spell_start <= p.period_end
            AND (s.spell_end IS NULL OR s.spell_end > p.period_start)
      )
    GROUP BY p.period, a.child_id
) x
