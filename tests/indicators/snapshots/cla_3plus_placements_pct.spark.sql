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
  /* Episodes of an agreed series of short-term breaks (legal status V3, V4) are left out, */
  /* as in the DfE's statistics: they neither start nor continue a period of care. */
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
), cla_placement_starts AS (
  /* whose reason for new episode starts a placement with new carers (S, P, B), and each */
  /* child's earliest episode on file whatever its reason. When the file starts part-way */
  /* through a child's care (its first episode is, say, a change of legal status, RNE L), */
  /* that episode's start is the latest the placement can have begun. A change of placement */
  /* with the same carer (RNE T, U) is not a new placement, nor is a temporary placement */
  /* (placement type T0-T4), nor the return from one to the placement held before it (same */
  /* placement type, URN and postcode). Episodes of an agreed series of short-term breaks */
  /* (legal status V3, V4) are not placements in care and are left out, as in the DfE's */
  /* statistics. */
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
      urn,
      pl_post,
      MIN(decom) OVER (PARTITION BY child_id) AS first_decom,
      LAG(place) OVER (PARTITION BY child_id ORDER BY decom NULLS LAST) AS prev_place,
      LAG(place, 2) OVER (PARTITION BY child_id ORDER BY decom NULLS LAST) AS held_place,
      LAG(urn, 2) OVER (PARTITION BY child_id ORDER BY decom NULLS LAST) AS held_urn,
      LAG(pl_post, 2) OVER (PARTITION BY child_id ORDER BY decom NULLS LAST) AS held_pl_post
    FROM cla_episodes
    WHERE
      NOT COALESCE(ls, '') IN ('V3', 'V4')
  ) AS e
  WHERE
    decom = first_decom
    OR (
      rne IN ('S', 'P', 'B')
      AND NOT COALESCE(place, '') IN ('T0', 'T1', 'T2', 'T3', 'T4')
      AND NOT (
        rne <> 'S'
        AND COALESCE(prev_place, '') IN ('T0', 'T1', 'T2', 'T3', 'T4')
        AND place = held_place
        AND COALESCE(urn, '') = COALESCE(held_urn, '')
        AND COALESCE(pl_post, '') = COALESCE(held_pl_post, '')
      )
    )
), cla_at_end AS (
  /* leaves care on DEC), with the start of their current period of care, of their current */
  /* placement (`cla_placement_starts`), its placement type and the start of the placement */
  /* before it. Children looked after under an agreed series of short-term breaks (legal */
  /* status V3, V4) are not counted, as in the DfE's statistics. */
  SELECT
    c.period,
    c.period_end,
    c.child_id,
    c.care_start,
    c.legal_status,
    MAX(CASE WHEN pl.n = 1 THEN pl.placement_start END) AS placement_start,
    MAX(CASE WHEN pl.n = 1 THEN pl.place END) AS placement_type,
    MAX(CASE WHEN pl.n = 2 THEN pl.placement_start END) AS previous_placement_start
  FROM (
    SELECT
      p.period,
      p.period_end,
      o.child_id,
      MAX(s.care_start) AS care_start,
      MAX(o.ls) AS legal_status
    FROM periods AS p
    JOIN cla_episodes AS o
      ON o.decom <= p.period_end
      AND (
        o.dec IS NULL OR o.dec > p.period_end
      )
      AND NOT COALESCE(o.ls, '') IN ('V3', 'V4')
    LEFT JOIN cla_care_starts AS s
      ON s.child_id = o.child_id AND s.care_start <= p.period_end
    GROUP BY
      p.period,
      p.period_end,
      o.child_id
  ) AS c
  LEFT JOIN (
    SELECT
      p.period,
      ps.child_id,
      ps.placement_start,
      ps.place,
      ROW_NUMBER() OVER (PARTITION BY p.period, ps.child_id ORDER BY ps.placement_start DESC) AS n
    FROM periods AS p
    JOIN cla_placement_starts AS ps
      ON ps.placement_start <= p.period_end
  ) AS pl
    ON pl.period = c.period AND pl.child_id = c.child_id AND pl.n <= 2
  GROUP BY
    c.period,
    c.period_end,
    c.child_id,
    c.care_start,
    c.legal_status
), d AS (
  SELECT
    a.period,
    a.child_id,
    COUNT(DISTINCT ps.placement_start) + MAX(CASE WHEN e.child_id IS NULL THEN 0 ELSE 1 END) >= 3 AS in_numerator,
    TRUE AS in_denominator,
    a.care_start,
    COUNT(DISTINCT ps.placement_start) + MAX(CASE WHEN e.child_id IS NULL THEN 0 ELSE 1 END) AS placements
  FROM cla_at_end AS a
  /* the placement held at the start of the 12 months */
  LEFT JOIN cla_episodes AS e
    ON e.child_id = a.child_id
    AND e.decom <= a.period_end - INTERVAL '12' MONTH
    AND (
      e.dec IS NULL OR e.dec > a.period_end - INTERVAL '12' MONTH
    )
    AND NOT COALESCE(e.ls, '') IN ('V3', 'V4')
  /* new placements in them */
  LEFT JOIN cla_placement_starts AS ps
    ON ps.child_id = a.child_id
    AND ps.placement_start > a.period_end - INTERVAL '12' MONTH
    AND ps.placement_start <= a.period_end
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
