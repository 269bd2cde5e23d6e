/*
title: Early help goal score distance travelled
area: Early help
unit: mean
polarity: higher
period_type: flow
order: 90
definition: >
  Mean change in the 0-10 goal score, from the assessment to closure, of early help
  episodes closed in the period with both scores recorded.
source: local measure (early help outcomes framework)
numerator: sum of (closing score - starting score)
denominator: early help episodes closed in the period with both scores
requires: [early_help.closure_date, early_help.goal_score_start, early_help.goal_score_end]
*/
SELECT p.period, e.child_id, TRUE AS in_numerator, TRUE AS in_denominator,
       e.goal_score_end - e.goal_score_start AS measure,
       e.eh_id, e.closure_date, e.goal_score_start, e.goal_score_end
FROM periods p
JOIN early_help e ON e.closure_date BETWEEN p.period_start AND p.period_end
WHERE e.goal_score_start IS NOT NULL AND e.goal_score_end IS NOT NULL
