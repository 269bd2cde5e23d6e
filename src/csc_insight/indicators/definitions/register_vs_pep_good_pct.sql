/*
title: PEPs graded good or outstanding
area: Registers
unit: percent
polarity: higher
period_type: flow
order: 140
definition: >
  Of the Personal Education Plans dated in the period that the Virtual School
  Headteacher has graded, those graded good or outstanding (the Headteacher's goal: none
  below good). Only the PEPs of the Virtual School's children count: looked after at some
  time in the period (SSDA903, short breaks left out) and in Nursery to Year 13 in the
  school year of the PEP. A PEP not yet graded is not counted either way.
source: Promoting the education of looked-after and previously looked-after children, DfE 2018; local Virtual School register
numerator: PEPs graded good or outstanding
denominator: PEPs dated in the period and graded
requires: [registers.vs_peps.grade, cla_episodes.decom, children.dob]
*/
SELECT p.period, v.child_id,
       COALESCE(v.grade IN ('outstanding', 'good'), FALSE) AS in_numerator,
       v.grade IS NOT NULL AS in_denominator, v.held_on, v.grade
FROM periods p
JOIN registers.vs_peps v ON v.held_on BETWEEN p.period_start AND p.period_end
JOIN child_facts f ON f.child_id = v.child_id AND f.dob IS NOT NULL
WHERE (year(v.held_on) - CASE WHEN month(v.held_on) >= 9 THEN 0 ELSE 1 END)
      - (year(f.dob) - CASE WHEN month(f.dob) >= 9 THEN 0 ELSE 1 END) - 5 BETWEEN -1 AND 13
  AND EXISTS (
      SELECT 1 FROM cla_care_spells s
      WHERE s.child_id = v.child_id AND s.spell_start <= p.period_end
        AND (s.spell_end IS NULL OR s.spell_end > p.period_start)
  )
