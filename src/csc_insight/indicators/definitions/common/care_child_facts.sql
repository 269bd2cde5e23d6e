-- `child_facts` for the children the care measures look at: those with a looked-after
-- episode or a care leaver record (one row per child). The same rows as `child_facts`
-- for them, from a small part of `children` (about 93,000 of 2.8 million children on an
-- England-sized year), so a definition that joins only looked-after children or care
-- leavers reads this one.
SELECT child_id, MAX(dob) AS dob, MAX(sex) AS sex, MAX(ethnicity) AS ethnicity,
       MAX(CAST(disability AS INTEGER)) AS disability, MAX(CAST(uasc AS INTEGER)) AS uasc,
       MAX(uasc_ceased) AS uasc_ceased
FROM children
WHERE child_id IN (SELECT child_id FROM cla_episodes UNION ALL SELECT child_id FROM care_leavers)
GROUP BY child_id
