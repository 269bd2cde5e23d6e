-- Each assessment with the date of its referral: the referral it names, else the child's
-- latest referral on or before the assessment's start (NULL when neither is on file). One
-- pass over the child's referrals finds both.
SELECT a.assessment_id, a.child_id, a.team, a.worker, a.start_date, a.authorised_date,
       COALESCE(MAX(CASE WHEN r.referral_id = a.referral_id THEN r.referral_date END),
                MAX(CASE WHEN r.referral_date <= a.start_date THEN r.referral_date END))
           AS referral_date
FROM assessments a
LEFT JOIN referrals r
       ON r.child_id = a.child_id
      AND (r.referral_id = a.referral_id OR r.referral_date <= a.start_date)
GROUP BY a.assessment_id, a.child_id, a.team, a.worker, a.start_date, a.authorised_date
