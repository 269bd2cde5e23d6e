-- For each period of care (`cla_care_periods`: not short breaks, V3, V4): when its first review was due (20
-- working days after it began: parameter first_review_wd and the working-day setting),
-- when the review data starts (the 1 April on or before the earliest review on file) and
-- whether the first review was due before then, so may have been held before our data.
SELECT cp.child_id, cp.care_start, cp.care_end, cd.day AS first_due,
       cd.day < rf.data_start AS before_data, rf.data_start
FROM cla_care_periods cp
CROSS JOIN (
    SELECT CAST(CAST(CASE WHEN month(MIN(review_date)) >= 4 THEN year(MIN(review_date))
                          ELSE year(MIN(review_date)) - 1 END AS VARCHAR)
                || '-04-01' AS DATE) AS data_start
    FROM cla_reviews
) rf
JOIN calendar cs ON cs.day = cp.care_start
JOIN calendar cd ON cd.is_working_day AND cd.working_day_no = cs.working_day_no
    + :first_review_wd - :inclusive * CAST(cs.is_working_day AS INTEGER)
