-- Care leavers aged 17-21 at the end of each period, with what was known of them then
-- (DfE Children looked after statistics; SSDA903 OC3 guidance). OC3 records each care
-- leaver's activity, accommodation and contact around their 17th-21st birthday in the
-- collection year; a period uses, for each child, the OC3 record of the collection year
-- holding their latest birthday on or before the period's end, so a year (ending 31 March)
-- gives exactly the DfE's cohort and a quarter the birthdays in the 12 months to its end,
-- never a record of a birthday still to come. `age` is the age reached at that birthday
-- (the age at period end). A child without a date of birth uses the OC3 record of the
-- collection year ending in the 12 months to period end, with no age. Annex A List 9 has
-- no year: it is the status as at the Annex A's own date (`annex_a_as_at`) and is used
-- only for the period holding that date, for a child with no OC3 record there. Those who
-- have died are left out.
SELECT x.period, x.period_end, x.child_id, x.year_ending, x.birthday_year, x.in_touch,
       x.activity, x.accommodation, x.suitable, x.age, x.source
FROM (
    SELECT b.*, ROW_NUMBER() OVER (PARTITION BY b.period, b.child_id
                                   ORDER BY b.preference, b.year_ending DESC) AS pick
    FROM (
        SELECT o.period, o.period_end, o.child_id, o.year_ending, o.birthday_year,
               o.in_touch, o.activity, o.accommodation, o.suitable,
               o.birthday_year - year(o.dob) AS age, o.source, 1 AS preference
        FROM (
            SELECT p.period, p.period_end, cl.child_id, cl.year_ending, cl.in_touch,
                   cl.activity, cl.accommodation, cl.suitable, cl.source, ch.dob,
                   year(p.period_end)
                       - CASE WHEN month(ch.dob) * 100 + day(ch.dob)
                                   > month(p.period_end) * 100 + day(p.period_end)
                              THEN 1 ELSE 0 END AS birthday_year
            FROM care_leavers cl
            JOIN care_child_facts ch ON ch.child_id = cl.child_id AND ch.dob IS NOT NULL
            CROSS JOIN periods p
            WHERE cl.year_ending IS NOT NULL
        ) o
        -- the collection year (ending 31 March) that holds the birthday
        WHERE year(o.year_ending) = o.birthday_year
            + CASE WHEN month(o.dob) >= 4 THEN 1 ELSE 0 END
        UNION ALL
        SELECT p.period, p.period_end, cl.child_id, cl.year_ending,
               CAST(NULL AS INTEGER) AS birthday_year, cl.in_touch, cl.activity,
               cl.accommodation, cl.suitable, CAST(NULL AS INTEGER) AS age, cl.source,
               2 AS preference
        FROM periods p
        JOIN care_leavers cl ON cl.year_ending <= p.period_end
            AND cl.year_ending > p.period_end - INTERVAL 12 MONTH
        LEFT JOIN care_child_facts ch ON ch.child_id = cl.child_id
        WHERE ch.dob IS NULL
        UNION ALL
        SELECT p.period, p.period_end, cl.child_id, cl.year_ending,
               CAST(NULL AS INTEGER) AS birthday_year, cl.in_touch, cl.activity,
               cl.accommodation, cl.suitable,
               year(p.period_end) - year(ch.dob)
                   - CASE WHEN month(p.period_end) * 100 + day(p.period_end)
                               < month(ch.dob) * 100 + day(ch.dob) THEN 1 ELSE 0 END AS age,
               cl.source, 3 AS preference
        FROM periods p
        CROSS JOIN annex_a_as_at aa
        JOIN care_leavers cl ON cl.year_ending IS NULL
            AND aa.as_at BETWEEN p.period_start AND p.period_end
        LEFT JOIN care_child_facts ch ON ch.child_id = cl.child_id
    ) b
) x
WHERE x.pick = 1 AND (x.age IS NULL OR x.age BETWEEN 17 AND 21)
  AND COALESCE(x.in_touch, '') <> 'DIED'
