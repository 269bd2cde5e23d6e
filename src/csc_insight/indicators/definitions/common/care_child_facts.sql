-- `child_facts` for the children the care measures look at: those with a looked-after
-- episode or a care leaver record (one row per child). The same rows as `child_facts`
-- for them, from a small part of `children` (about 93,000 of 2.8 million children on an
-- England-sized year), so a definition that joins only looked-after children or care
-- leavers reads this one.
SELECT c.child_id, MAX(c.dob) AS dob, MAX(c.sex) AS sex, MAX(c.ethnicity) AS ethnicity,
       MAX(CAST(c.disability AS INTEGER)) AS disability, MAX(CAST(c.uasc AS INTEGER)) AS uasc,
       MAX(c.uasc_ceased) AS uasc_ceased
FROM children c
-- a join, not IN (...): the regional pool carries every table per council through joins
JOIN (SELECT child_id FROM cla_episodes UNION SELECT child_id FROM care_leavers) k
    ON k.child_id = c.child_id
GROUP BY c.child_id
