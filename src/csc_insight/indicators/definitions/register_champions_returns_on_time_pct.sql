/*
title: Safeguarding assurance returns received on time
area: Registers
unit: percent
polarity: higher
period_type: flow
order: 90
definition: >
  Of the chief officers' six-monthly safeguarding assurance returns due in the period
  (one from every department on the register for each half-year whose due date, the last
  day of the month after it ends, falls in the period: 31 October and 30 April), those
  received on or before the due date. A return not received counts as not on time.
source: the City's Corporate Safeguarding Policy, Appendix 2 (seed 002); local safeguarding champions register
numerator: returns received on or before the due date
denominator: returns due in the period (departments x half-years due)
requires: [registers.departments.department, registers.assurance_returns.received_on, registers.half_years.due_on]
*/
SELECT p.period, CAST(NULL AS VARCHAR) AS child_id,
       COALESCE(r.received_on <= h.due_on, FALSE) AS in_numerator, TRUE AS in_denominator,
       d.department, h.half_year, h.due_on, r.received_on, r.assurance
FROM periods p
JOIN registers.half_years h ON h.due_on BETWEEN p.period_start AND p.period_end
CROSS JOIN registers.departments d
LEFT JOIN registers.assurance_returns r
       ON r.department = d.department AND r.half_year = h.half_year
