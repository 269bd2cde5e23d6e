/*
title: Looked-after children permanently excluded
area: Registers
unit: count
polarity: lower
period_type: flow
order: 170
definition: >
  Children permanently excluded from school in the period (each child once), of the
  Virtual School's children: looked after at some time in the period (SSDA903, short
  breaks left out) and in Nursery to Year 13 in the school year of the exclusion.
source: DfE, Suspension and permanent exclusion guidance (2023); local Virtual School register
numerator: children permanently excluded in the period
requires: [registers.vs_exclusions.kind, cla_episodes.decom, children.dob]
*/
SELECT p.period, x.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       MIN(x.start_date) AS excluded_on, COUNT(*) AS exclusions
FROM periods p
JOIN registers.vs_exclusions x ON x.kind = 'permanent'
    AND x.start_date BETWEEN p.period_start AND p.period_end
JOIN child_facts f ON f.child_id = x.child_id AND f.dob IS NOT NULL
WHERE (year(x.start_date) - CASE WHEN month(x.start_date) >= 9 THEN 0 ELSE 1 END)
      - (year(f.dob) - CASE WHEN month(f.dob) >= 9 THEN 0 ELSE 1 END) - 5 BETWEEN -1 AND 13
  AND EXISTS (
      SELECT 1 FROM cla_care_spells s
      WHERE s.child_id = x.child_id AND s.spell_start <= p.period_end
        AND (s.spell_end IS NULL OR s.spell_end > p.period_start)
  )
GROUP BY p.period, x.child_id
