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
), assessment_referrals AS (
  /* latest referral on or before the assessment's start (NULL when neither is on file). One */
  /* pass over the child's referrals finds both. */
  SELECT
    a.assessment_id,
    a.child_id,
    a.team,
    a.worker,
    a.start_date,
    a.authorised_date,
    COALESCE(
      MAX(CASE WHEN r.referral_id = a.referral_id THEN r.referral_date END),
      MAX(CASE WHEN r.referral_date <= a.start_date THEN r.referral_date END)
    ) AS referral_date
  FROM assessments AS a
  LEFT JOIN referrals AS r
    ON r.child_id = a.child_id
    AND (
      r.referral_id = a.referral_id OR r.referral_date <= a.start_date
    )
  GROUP BY
    a.assessment_id,
    a.child_id,
    a.team,
    a.worker,
    a.start_date,
    a.authorised_date
), d AS (
  SELECT
    x.period,
    x.child_id,
    COALESCE(
      cb.working_day_no - ca.working_day_no + 0 * CAST(ca.is_working_day AS INT) <= 45,
      FALSE
    ) AS in_numerator,
    TRUE AS in_denominator,
    x.team,
    x.worker,
    x.assessment_id,
    x.referral_date,
    x.start_date,
    x.authorised_date,
    x.clock_start,
    cb.working_day_no - ca.working_day_no + 0 * CAST(ca.is_working_day AS INT) AS working_days
  FROM (
    SELECT
      p.period,
      a.child_id,
      a.team,
      a.worker,
      a.assessment_id,
      a.referral_date,
      a.start_date,
      a.authorised_date,
      CASE WHEN TRUE THEN COALESCE(a.referral_date, a.start_date) ELSE a.start_date END AS clock_start
    FROM periods AS p
    JOIN assessment_referrals AS a
      ON a.authorised_date BETWEEN p.period_start AND p.period_end
  ) AS x
  LEFT JOIN calendar AS ca
    ON ca.day = x.clock_start
  LEFT JOIN calendar AS cb
    ON cb.day = x.authorised_date
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
