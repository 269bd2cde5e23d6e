-- Child population aged 0-17 per mid-year estimate year (ONS), the denominator of rates
-- per 10,000: a period uses the estimate for the year its financial year starts in (2019
-- for 2019-20), and has no rate when that year's estimate is not loaded.
SELECT year, SUM(population) AS population
FROM population
WHERE age_from >= 0 AND age_to <= 17
GROUP BY year
