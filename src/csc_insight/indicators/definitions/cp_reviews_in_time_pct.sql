/*
title: Child protection review conferences in time
area: Child protection
unit: percent
polarity: higher
period_type: stock
order: 240
definition: >
  Children on a plan at period end that has lasted at least 3 months, every review of
  which was in time: the first within 3 months of the plan start (the ICPC), each later
  one within 6 months of the one before, and the next not overdue at period end.
source: Working Together 2018
numerator: plans at period end with every review in time
denominator: plans open at period end that started at least 3 months before it
requires: [cp_plans.start_date, cp_reviews.review_date from cin_census]
*/
SELECT x.period, x.child_id,
       (x.late_reviews = 0 AND x.period_end <= CASE WHEN x.last_review IS NULL
                                                    THEN x.start_date + INTERVAL 3 MONTH
                                                    ELSE x.last_review + INTERVAL 6 MONTH END)
           AS in_numerator,
       TRUE AS in_denominator, x.team, x.worker, x.cp_plan_id, x.start_date, x.reviews,
       x.late_reviews, x.last_review
FROM (
    SELECT p.period, p.period_end, c.child_id, c.team, c.worker, c.cp_plan_id, c.start_date,
           COUNT(g.review_date) AS reviews,
           COALESCE(SUM(CASE WHEN g.review_date > g.due THEN 1 ELSE 0 END), 0) AS late_reviews,
           MAX(g.review_date) AS last_review
    FROM periods p
    JOIN cp_plans c ON c.start_date <= p.period_end - INTERVAL 3 MONTH
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
    LEFT JOIN (
        SELECT r.cp_plan_id, r.review_date,
               CASE WHEN LAG(r.review_date) OVER (PARTITION BY r.cp_plan_id ORDER BY r.review_date) IS NULL
                    THEN pl.start_date + INTERVAL 3 MONTH
                    ELSE LAG(r.review_date) OVER (PARTITION BY r.cp_plan_id ORDER BY r.review_date)
                         + INTERVAL 6 MONTH END AS due
        FROM cp_reviews r
        JOIN cp_plans pl ON pl.cp_plan_id = r.cp_plan_id AND r.review_date >= pl.start_date
    ) g ON g.cp_plan_id = c.cp_plan_id AND g.review_date <= p.period_end
    GROUP BY p.period, p.period_end, c.child_id, c.team, c.worker, c.cp_plan_id, c.start_date
) x
