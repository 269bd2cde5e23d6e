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
  /* Episodes of an agreed series of short-term breaks (legal status V3, V4) are left out. */
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
    WHERE
      NOT COALESCE(ls, '') IN ('V3', 'V4')
  ) AS e
  WHERE
    earlier_end IS NULL OR earlier_end < decom
), cla_at_end AS (
  /* leaves care on DEC), with the start of their current period of care and placement. */
  /* A placement starts with an episode whose reason for new episode is S, P, T, B or U. */
  /* Short breaks (legal status V3, V4) are not care here, as in DfE's statistics. */
  SELECT
    p.period,
    p.period_end,
    o.child_id,
    MAX(s.care_start) AS care_start,
    MAX(pl.decom) AS placement_start
  FROM periods AS p
  JOIN cla_episodes AS o
    ON o.decom <= p.period_end
    AND (
      o.dec IS NULL OR o.dec > p.period_end
    )
    AND NOT COALESCE(o.ls, '') IN ('V3', 'V4')
  LEFT JOIN cla_care_starts AS s
    ON s.child_id = o.child_id AND s.care_start <= p.period_end
  LEFT JOIN cla_episodes AS pl
    ON pl.child_id = o.child_id
    AND pl.decom <= p.period_end
    AND pl.rne IN ('S', 'P', 'T', 'B', 'U')
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
    AND NOT COALESCE(e.ls, '') IN ('V3', 'V4')
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
  COUNT(CASE WHEN d.in_denominator THEN 1 END) AS denominator,
  COUNT(*) AS counted
FROM d
GROUP BY
  d.period,
  CAST(NULL AS STRING),
  CAST(NULL AS STRING)
