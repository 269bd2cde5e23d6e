/*
title: Providers where our children live rated good or outstanding
area: Registers
unit: percent
polarity: higher
period_type: stock
order: 80
definition: >
  Of the providers on the providers register where a looked-after child was placed on the
  last day of the period (an SSDA903 episode at the provider's Ofsted URN open that day),
  those whose latest Ofsted judgement on or before that day was good or outstanding. A
  provider not yet inspected is not good or outstanding.
source: local providers register (seed 000, "Independent Fostering Agencies"); Ofsted ratings
numerator: providers rated good or outstanding
denominator: providers where looked-after children were placed at period end
requires: [registers.providers.urn, registers.provider_inspections.rating, cla_episodes.urn]
*/
SELECT pl.period, CAST(NULL AS VARCHAR) AS child_id,
       COALESCE(j.rating IN ('good', 'outstanding'), FALSE) AS in_numerator,
       TRUE AS in_denominator, pl.urn, pl.name, pl.children, j.rating, j.inspected_on
FROM (
    SELECT p.period, v.urn, v.name, COUNT(DISTINCT e.child_id) AS children
    FROM periods p
    JOIN cla_episodes e ON e.decom <= p.period_end
        AND (e.dec IS NULL OR e.dec > p.period_end)
    JOIN registers.providers v ON v.urn = upper(trim(e.urn))
    GROUP BY p.period, v.urn, v.name
) pl
LEFT JOIN (
    SELECT p.period, i.urn, i.rating, i.inspected_on,
           ROW_NUMBER() OVER (PARTITION BY p.period, i.urn ORDER BY i.inspected_on DESC) AS rn
    FROM periods p
    JOIN registers.provider_inspections i ON i.inspected_on <= p.period_end
) j ON j.period = pl.period AND j.urn = pl.urn AND j.rn = 1
