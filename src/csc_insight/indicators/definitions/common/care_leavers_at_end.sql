-- Care leavers aged 17-21 at the end of each period: each child's latest status record
-- (OC3 year ending on or before the end of the period's financial year; an Annex A record,
-- with no year, counts as the latest), excluding those who have died.
SELECT x.period, x.period_end, x.child_id, x.year_ending, x.in_touch, x.activity,
       x.accommodation, x.suitable, x.age
FROM (
    SELECT p.period, p.period_end, cl.child_id, cl.year_ending, cl.in_touch, cl.activity,
           cl.accommodation, cl.suitable,
           year(p.period_end) - year(ch.dob)
               - CASE WHEN month(p.period_end) * 100 + day(p.period_end)
                           < month(ch.dob) * 100 + day(ch.dob) THEN 1 ELSE 0 END AS age,
           ROW_NUMBER() OVER (
               PARTITION BY p.period, cl.child_id
               ORDER BY COALESCE(cl.year_ending, DATE '9999-12-31') DESC) AS latest
    FROM periods p
    JOIN care_leavers cl ON cl.year_ending IS NULL OR cl.year_ending <= p.fy_end
    LEFT JOIN child_facts ch ON ch.child_id = cl.child_id
) x
WHERE x.latest = 1 AND (x.age IS NULL OR x.age BETWEEN 17 AND 21)
  AND COALESCE(x.in_touch, '') <> 'DIED'
