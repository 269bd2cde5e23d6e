-- Periods of care: each start (`cla_care_starts`) with its end, the first later episode
-- end whose reason ends care (REC E..), NULL while it goes on.
SELECT s.child_id, s.care_start, MIN(e.dec) AS care_end
FROM cla_care_starts s
LEFT JOIN cla_episodes e ON e.child_id = s.child_id AND e.decom >= s.care_start
    AND e.rec LIKE 'E%'
GROUP BY s.child_id, s.care_start
