/*
title: Looked-after reviews in time
area: Children in care
unit: percent
polarity: higher
period_type: flow
order: 330
definition: >
  Reviews of looked-after children due in the period that were held by their due date.
  Each child's reviews are judged one by one: the first is due within 20 working days of
  becoming looked after, the second within 3 months of the first, later ones within 6
  months of the one before; a review due in the period and not held is late. A review
  that may have been held before the review data starts (the 1 April on or before the
  earliest review on file) is unknown, not late: in a period of care whose first review
  was due before then, the first review on file is not judged, the next is due within 6
  months of it, and with none on file one is due within 6 months of the data's start.
  Short breaks (V3, V4) are not counted.
source: Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33
numerator: reviews held by their due date
denominator: reviews due in the period (while the child was looked after)
requires: [cla_episodes.decom, cla_reviews.review_date from ssda903, calendar.working_day_no]
params: {first_review_wd: 20}
*/
SELECT p.period, r.child_id,
       COALESCE(r.review_date <= r.due_date, FALSE) AS in_numerator, TRUE AS in_denominator,
       r.care_start, r.review_no, r.due_date, r.review_date
FROM (
    -- the reviews held, each with the date it was due
    SELECT o.child_id, o.care_start, o.care_end, o.n AS review_no, o.review_date,
           CASE WHEN o.before_data AND o.n = 1 THEN CAST(NULL AS DATE)
                WHEN o.before_data THEN o.prev_review + INTERVAL 6 MONTH
                WHEN o.n = 1 THEN o.first_due
                WHEN o.n = 2 THEN o.prev_review + INTERVAL 3 MONTH
                ELSE o.prev_review + INTERVAL 6 MONTH END AS due_date
    FROM (
        SELECT c.child_id, c.care_start, c.care_end, c.first_due, c.before_data,
               rv.review_date,
               ROW_NUMBER() OVER (PARTITION BY c.child_id, c.care_start
                                  ORDER BY rv.review_date) AS n,
               LAG(rv.review_date) OVER (PARTITION BY c.child_id, c.care_start
                                         ORDER BY rv.review_date) AS prev_review
        FROM cla_review_clock c
        JOIN cla_reviews rv ON rv.child_id = c.child_id AND rv.review_date >= c.care_start
            AND (c.care_end IS NULL OR rv.review_date <= c.care_end)
    ) o
    UNION ALL
    -- the next review after the last one held, never held in the data
    SELECT n.child_id, n.care_start, n.care_end, n.reviews + 1 AS review_no,
           CAST(NULL AS DATE) AS review_date,
           CASE WHEN n.reviews = 0 AND n.before_data THEN n.data_start + INTERVAL 6 MONTH
                WHEN n.reviews = 0 THEN n.first_due
                WHEN n.reviews = 1 AND NOT n.before_data
                THEN n.last_review + INTERVAL 3 MONTH
                ELSE n.last_review + INTERVAL 6 MONTH END AS due_date
    FROM (
        SELECT c.child_id, c.care_start, c.care_end, c.first_due, c.before_data,
               c.data_start, COUNT(rv.review_date) AS reviews,
               MAX(rv.review_date) AS last_review
        FROM cla_review_clock c
        LEFT JOIN cla_reviews rv ON rv.child_id = c.child_id
            AND rv.review_date >= c.care_start
            AND (c.care_end IS NULL OR rv.review_date <= c.care_end)
        GROUP BY c.child_id, c.care_start, c.care_end, c.first_due, c.before_data,
                 c.data_start
    ) n
) r
JOIN periods p ON r.due_date BETWEEN p.period_start AND p.period_end
WHERE r.care_end IS NULL OR r.due_date <= r.care_end
