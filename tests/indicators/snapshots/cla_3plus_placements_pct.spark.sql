WITH periods AS (
  SELECT
    *
  FROM VALUES
    (
      '2019-20-Q3',
      CAST('2019-10-01' AS DATE),
      CAST('2019-12-31' AS DATE),
      CAST('2020-03-31' AS DATE)
    ) AS periods_(period, period_start, period_end, fy_end)
), cla_care_starts AS (
  /* (SSDA903 episodes chain: the next episode's DECOM is the previous episode's DEC). */
  SELECT
    child_id,
    decom AS care_start
  FROM (
    SELECT
      child_id,
      decom,
      MAX(COALESCE(dec, CAST('9999-12-31' AS DATE))) OVER (
        PARTITION BY child_id
        ORDER BY decom NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
      ) AS earlier_end
    FROM cla_episodes
  ) AS e
  WHERE
    earlier_end IS NULL OR earlier_end < decom
), cla_placement_starts AS (
  /* T, B or U), and each child's earliest episode on file whatever its reason. When the */
  /* file starts part-way through a child's care (its first episode is, say, a change of */
  /* legal status, RNE L), that episode's start is the latest the placement can have begun. */
  SELECT
    child_id,
    decom AS placement_start,
    rne,
    place
  FROM (
    SELECT
      child_id,
      decom,
      rne,
      place,
      MIN(decom) OVER (PARTITION BY child_id) AS first_decom
    FROM cla_episodes
  ) AS e
  WHERE
    rne IN ('S', 'P', 'T', 'B', 'U') OR decom = first_decom
), cla_at_end AS (
  /* leaves care on DEC), with the start of their current period of care and placement. */
  /* Placement starts are those of `cla_placement_starts` (the earliest episode on file counts). */
  SELECT
    p.period,
    p.period_end,
    o.child_id,
    MAX(s.care_start) AS care_start,
    MAX(pl.placement_start) AS placement_start
  FROM periods AS p
  JOIN cla_episodes AS o
    ON o.decom <= p.period_end AND (
      o.dec IS NULL OR o.dec > p.period_end
    )
  LEFT JOIN cla_care_starts AS s
    ON s.child_id = o.child_id AND s.care_start <= p.period_end
  LEFT JOIN cla_placement_starts AS pl
    ON pl.child_id = o.child_id AND pl.placement_start <= p.period_end
  GROUP BY
    p.period,
    p.period_end,
    o.child_id
), d AS (
  SELECT
    a.period,
    a.child_id,
    COUNT(*) >= 3 AS in_numerator,
    TRUE AS in_denominator,
    a.care_start,
    COUNT(*) AS placements
  FROM cla_at_end AS a
  JOIN cla_episodes AS e
    ON e.child_id = a.child_id
    AND e.decom <= a.period_end
    AND (
      e.dec IS NULL OR e.dec > a.period_end - INTERVAL '12' MONTH
    )
    AND (
      e.decom <= a.period_end - INTERVAL '12' MONTH
      OR e.rne IN ('S', 'P', 'T', 'B', 'U')
    )
  GROUP BY
    a.period,
    a.child_id,
    a.care_start
)
SELECT
  d.period,
  CAST(NULL AS STRING) AS key,
  CAST(NULL AS STRING) AS band,
  COUNT(CASE WHEN d.in_numerator THEN 1 END) AS numerator,
  COUNT(CASE WHEN d.in_denominator THEN 1 END) AS denominator
FROM d
GROUP BY
  d.period,
  CAST(NULL AS STRING),
  CAST(NULL AS STRING)
