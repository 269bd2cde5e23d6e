-- The date an Annex A describes the authority as at (one row, NULL without data). Annex A
-- carries no date of its own and its rows merge into the other returns' rows for the same
-- events, so it is the latest date still held from an Annex A row (its lists cover the
-- 12 months up to its extraction), else the latest contact, referral, looked-after episode
-- or visit held in the snapshot.
SELECT COALESCE(MAX(CASE WHEN source = 'annex_a' THEN day END), MAX(day)) AS as_at
FROM (
    SELECT source, contact_date AS day FROM contacts
    UNION ALL SELECT source, referral_date FROM referrals
    UNION ALL SELECT source, authorised_date FROM assessments
    UNION ALL SELECT source, decom FROM cla_episodes
    UNION ALL SELECT source, dec FROM cla_episodes
    UNION ALL SELECT source, visit_date FROM visits
    UNION ALL SELECT source, review_date FROM pathway_plan_reviews
    UNION ALL SELECT source, latest_contact FROM care_leavers
) d
