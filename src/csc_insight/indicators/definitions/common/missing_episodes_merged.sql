-- Every episode of a child going missing from home or care once (one child and start
-- date is one episode): each episode in the missing register, filled from the loaded
-- returns where the register is blank, and each episode in the loaded returns (SSDA903
-- Missing, local extras) that the register does not hold. As the register pages and the
-- termly paper count them (registers/missing.py). Reads the registers' file: only for
-- definitions that require registers.missing_episodes.
SELECT r.child_id, r.start_date, COALESCE(r.returned_on, l.end_date) AS returned_on,
       r.rhi_offered_on,
       CASE WHEN l.child_id IS NULL THEN 'register' ELSE 'register and returns' END
           AS recorded_in
FROM registers.missing_episodes r
LEFT JOIN (
    SELECT child_id, start_date, MAX(end_date) AS end_date
    FROM missing_episodes
    GROUP BY child_id, start_date
) l ON l.child_id = r.child_id AND l.start_date = r.start_date
UNION ALL
SELECT m.child_id, m.start_date, MAX(m.end_date) AS returned_on,
       CAST(NULL AS DATE) AS rhi_offered_on, 'returns' AS recorded_in
FROM missing_episodes m
WHERE NOT EXISTS (
    SELECT 1 FROM registers.missing_episodes r
    WHERE r.child_id = m.child_id AND r.start_date = m.start_date
)
GROUP BY m.child_id, m.start_date
