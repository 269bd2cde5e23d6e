/*
title: Cases per case-holding social worker
area: Workforce
unit: ratio
polarity: lower
period_type: stock
order: 480
definition: >
  Children's cases open at period end held by social workers, divided by the
  full-time-equivalent of the social workers holding them (workers with role "social
  worker" and at least one case at period end; personal advisers and others are not
  case-holding social workers, and a worker not in the workers list is left out, with
  their cases). The drill-down lists each case (numerator) and each worker with their FTE
  (denominator).
source: DfE Children's social work workforce statistics (average caseload per case-holding FTE social worker)
numerator: cases held by social workers at period end
denominator: full-time-equivalent case-holding social workers at period end
denominator_sum: fte
requires: [allocations.start_date, workers.fte, workers.role]
*/
SELECT c.period, c.child_id, TRUE AS in_numerator, FALSE AS in_denominator, c.team,
       c.worker, CAST(NULL AS DOUBLE) AS fte
FROM (
    SELECT DISTINCT p.period, a.child_id, a.team, a.worker
    FROM periods p
    JOIN allocations a ON a.start_date <= p.period_end
        AND (a.end_date IS NULL OR a.end_date > p.period_end)
    JOIN workers w ON w.worker = a.worker AND lower(w.role) = 'social worker' AND w.fte > 0
) c
UNION ALL
SELECT h.period, CAST(NULL AS VARCHAR) AS child_id, FALSE AS in_numerator,
       TRUE AS in_denominator, MAX(w.team) AS team, h.worker, MAX(w.fte) AS fte
FROM (
    SELECT DISTINCT p.period, a.worker
    FROM periods p
    JOIN allocations a ON a.start_date <= p.period_end
        AND (a.end_date IS NULL OR a.end_date > p.period_end)
) h
JOIN workers w ON w.worker = h.worker AND lower(w.role) = 'social worker' AND w.fte > 0
GROUP BY h.period, h.worker
