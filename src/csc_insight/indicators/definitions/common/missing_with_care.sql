-- Missing and away episodes, each marked with whether the child was looked after (a
-- looked-after episode other than short breaks, V3, V4, open) on the day it started.
SELECT m.child_id, m.missing_type, m.start_date, m.end_date, m.rhi_offered,
       m.rhi_accepted, m.rhi_date, m.source,
       COUNT(e.child_id) > 0 AS looked_after
FROM missing_episodes m
LEFT JOIN cla_episodes e ON e.child_id = m.child_id AND e.decom <= m.start_date
    AND (e.dec IS NULL OR e.dec > m.start_date) AND COALESCE(e.ls, '') NOT IN ('V3', 'V4')
GROUP BY m.child_id, m.missing_type, m.start_date, m.end_date, m.rhi_offered,
         m.rhi_accepted, m.rhi_date, m.source
