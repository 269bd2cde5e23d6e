/*
title: Looked-after children of school age with a PEP in the period
area: Registers
unit: percent
polarity: higher
period_type: flow
order: 130
definition: >
  Of the children looked after on the last day of the period and of school age then
  (Reception to Year 13 in that school year, from the date of birth: England's rule, a
  child born from 1 September to 31 August starts Reception in the September after their
  fourth birthday), looked after for more than 20 working days by then (the first PEP is
  due by the first review), those with a Personal Education Plan dated in the period in
  the Virtual School register. For a period that is a school term (January to March, the
  spring term) it is the Virtual School's termly figure of PEPs held in time.
source: Promoting the education of looked-after and previously looked-after children, DfE 2018 (the PEP); local Virtual School register
numerator: children with a PEP dated in the period
denominator: children of school age looked after on the period's last day, for more than 20 working days
requires: [registers.vs_peps.held_on, cla_episodes.decom, children.dob, calendar.working_day_no]
params: {wd_limit: 20}
*/
SELECT x.period, x.child_id, x.peps > 0 AS in_numerator, TRUE AS in_denominator,
       x.year_group, x.care_start, x.peps, x.last_pep
FROM (
    SELECT p.period, s.child_id, s.spell_start AS care_start,
           (year(p.period_end) - CASE WHEN month(p.period_end) >= 9 THEN 0 ELSE 1 END)
               - (year(f.dob) - CASE WHEN month(f.dob) >= 9 THEN 0 ELSE 1 END) - 5
               AS year_group,
           COUNT(v.held_on) AS peps, MAX(v.held_on) AS last_pep
    FROM periods p
    JOIN cla_care_spells s ON s.spell_start <= p.period_end
        AND (s.spell_end IS NULL OR s.spell_end > p.period_end)
    JOIN child_facts f ON f.child_id = s.child_id AND f.dob IS NOT NULL
    JOIN calendar started ON started.day = s.spell_start
    -- the wd_limit-th working day after the care began: looked after longer than that
    JOIN calendar due ON due.is_working_day
        AND due.working_day_no = started.working_day_no + :wd_limit
        AND due.day < p.period_end
    LEFT JOIN registers.vs_peps v ON v.child_id = s.child_id
        AND v.held_on BETWEEN p.period_start AND p.period_end
    GROUP BY p.period, s.child_id, s.spell_start, f.dob, p.period_end
) x
WHERE x.year_group BETWEEN 0 AND 13
