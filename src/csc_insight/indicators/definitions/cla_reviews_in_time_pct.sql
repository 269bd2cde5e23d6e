/*
title: Looked-after reviews in time
area: Children in care
unit: percent
polarity: higher
period_type: stock
order: 330
definition: >
  Children looked after at period end for at least 20 working days whose every review in
  the current period of care was in time: the first within 20 working days of becoming
  looked after, the second within 3 months of the first, later ones within 6 months of
  the one before; and the next review not overdue at period end.
source: Care Planning, Placement and Case Review (England) Regulations 2010, reg 33
numerator: children with every review in time
denominator: children looked after at period end for at least 20 working days
requires: [cla_episodes.decom, cla_reviews.review_date, calendar.working_day_no]
params: {first_review_wd: 20}
*/
SELECT x.period, x.child_id,
       (x.late_reviews = 0 AND CASE
            WHEN x.reviews = 0 THEN x.working_days_in_care <= :first_review_wd
            WHEN x.reviews = 1 THEN x.period_end <= x.last_review + INTERVAL 3 MONTH
            ELSE x.period_end <= x.last_review + INTERVAL 6 MONTH END) AS in_numerator,
       TRUE AS in_denominator, x.care_start, x.reviews, x.late_reviews, x.last_review
FROM (
    SELECT a.period, a.period_end, a.child_id, a.care_start,
           ce.working_day_no - cs.working_day_no
               + :inclusive * CAST(cs.is_working_day AS INTEGER) AS working_days_in_care,
           COUNT(g.review_date) AS reviews,
           COALESCE(SUM(CAST(g.late AS INTEGER)), 0) AS late_reviews,
           MAX(g.review_date) AS last_review
    FROM cla_at_end a
    JOIN calendar cs ON cs.day = a.care_start
    JOIN calendar ce ON ce.day = a.period_end
    LEFT JOIN (
        SELECT o.period, o.child_id, o.review_date,
               CASE WHEN o.n = 1
                    THEN cr.working_day_no - cs1.working_day_no
                         + :inclusive * CAST(cs1.is_working_day AS INTEGER) > :first_review_wd
                    WHEN o.n = 2 THEN o.review_date > o.prev_review + INTERVAL 3 MONTH
                    ELSE o.review_date > o.prev_review + INTERVAL 6 MONTH END AS late
        FROM (
            SELECT a1.period, a1.child_id, a1.care_start, r.review_date,
                   ROW_NUMBER() OVER (PARTITION BY a1.period, a1.child_id
                                      ORDER BY r.review_date) AS n,
                   LAG(r.review_date) OVER (PARTITION BY a1.period, a1.child_id
                                            ORDER BY r.review_date) AS prev_review
            FROM cla_at_end a1
            JOIN cla_reviews r ON r.child_id = a1.child_id
                AND r.review_date BETWEEN a1.care_start AND a1.period_end
        ) o
        JOIN calendar cr ON cr.day = o.review_date
        JOIN calendar cs1 ON cs1.day = o.care_start
    ) g ON g.period = a.period AND g.child_id = a.child_id
    GROUP BY a.period, a.period_end, a.child_id, a.care_start, ce.working_day_no,
             cs.working_day_no, cs.is_working_day
) x
WHERE x.working_days_in_care >= :first_review_wd
