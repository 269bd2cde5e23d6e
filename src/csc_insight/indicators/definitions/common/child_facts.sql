-- One row per child from `children` (a child can arrive from several returns).
SELECT child_id, MAX(dob) AS dob, MAX(sex) AS sex, MAX(ethnicity) AS ethnicity,
       MAX(CAST(disability AS INTEGER)) AS disability, MAX(CAST(uasc AS INTEGER)) AS uasc,
       MAX(uasc_ceased) AS uasc_ceased
FROM children
GROUP BY child_id
