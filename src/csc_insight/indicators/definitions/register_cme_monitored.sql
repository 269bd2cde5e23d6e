/*
title: Children missing education or at risk of it, monitored at period end
area: Registers
unit: count
polarity: neutral
period_type: stock
order: 30
definition: >
  Children the education service monitors on the last day of the period (an entry in the
  missing education register from on or before that day, until on or after it or still
  open), each counted once, in the first of these that applies: electively home educated;
  missing education or at risk of it (unplaced, or low attendance); unable to attend for
  medical reasons only.
source: local missing education register (seed 002, termly report "Children Missing From Care, Home and Education")
numerator: children monitored at period end
requires: [registers.cme_entries.category]
bands: [Electively home educated, Missing education or at risk, Medical reasons only]
band_name: Category
*/
SELECT x.period, x.child_id, TRUE AS in_numerator, FALSE AS in_denominator,
       CASE WHEN x.ehe = 1 THEN 'Electively home educated'
            WHEN x.cme = 1 THEN 'Missing education or at risk'
            ELSE 'Medical reasons only' END AS band,
       x.ehe = 1 AS home_educated, x.cme = 1 AS missing_or_at_risk,
       x.medical = 1 AS medical, x.monitored_from
FROM (
    SELECT p.period, c.child_id,
           MAX(CASE WHEN c.category = 'ehe' THEN 1 ELSE 0 END) AS ehe,
           MAX(CASE WHEN c.category IN ('cme', 'at_risk') THEN 1 ELSE 0 END) AS cme,
           MAX(CASE WHEN c.category = 'medical' THEN 1 ELSE 0 END) AS medical,
           MIN(c.start_date) AS monitored_from
    FROM periods p
    JOIN registers.cme_entries c ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date >= p.period_end)
    GROUP BY p.period, c.child_id
) x
