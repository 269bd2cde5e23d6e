/*
title: Looked-after visits in time
area: Children in care
unit: percent
polarity: higher
period_type: flow
order: 340
definition: >
  Visits in the period to a looked-after child made in time: the first visit in a
  placement within 7 days of its start; then within 6 weeks of the previous visit during
  the placement's first year; after the first year, within 6 weeks (setting
  later_visit_days: 91 for 3-monthly where placements that have lasted a year are agreed
  to be long-term: the returns do not record that agreement). A placement starts as in
  the stability measures (a change with the same carer, RNE T or U, or a temporary
  placement, T0-T4, is not a new placement; the earliest episode on file starts one);
  short breaks (V3, V4) are not counted.
source: Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28(2)-(3)
numerator: visits made in time
denominator: CLA visits in the period to children looked after that day
requires: [visits.visit_date from local, cla_episodes.decom]
params: {first_visit_days: 7, visit_days: 42, later_visit_days: 42}
*/
SELECT p.period, v.child_id,
       COALESCE(date_diff('day', v.previous_date, v.visit_date)
                <= CASE WHEN v.first_in_placement THEN :first_visit_days
                        WHEN v.visit_date <= v.placement_start + INTERVAL 12 MONTH
                        THEN :visit_days
                        ELSE :later_visit_days END,
                FALSE) AS in_numerator,
       TRUE AS in_denominator, v.worker, v.visit_date, v.placement_start, v.previous_date,
       v.first_in_placement, date_diff('day', v.previous_date, v.visit_date) AS days
FROM periods p
JOIN cla_visit_intervals v ON v.visit_date BETWEEN p.period_start AND p.period_end
