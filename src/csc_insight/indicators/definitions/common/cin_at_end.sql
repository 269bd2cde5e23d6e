-- Children in need at each period end: an episode of need (referral) open that day,
-- referred on or before it and not closed on or before it; with the date of the earliest
-- referral open then.
SELECT p.period, p.period_end, p.fy_end, r.child_id, MIN(r.referral_date) AS referral_date
FROM periods p
JOIN referrals r ON r.referral_date <= p.period_end
    AND (r.closure_date IS NULL OR r.closure_date > p.period_end)
GROUP BY p.period, p.period_end, p.fy_end, r.child_id
