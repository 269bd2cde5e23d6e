-- Each referral with the date of the child's latest referral on an earlier day (NULL for
-- the child's first on file).
SELECT r.referral_id, r.child_id, r.referral_date, r.team, r.worker,
       MAX(prev.referral_date) AS previous_referral_date
FROM referrals r
LEFT JOIN referrals prev
    ON prev.child_id = r.child_id AND prev.referral_date < r.referral_date
GROUP BY r.referral_id, r.child_id, r.referral_date, r.team, r.worker
