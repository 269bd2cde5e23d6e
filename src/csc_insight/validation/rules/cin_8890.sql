/*
code: "8890"
return: cin_census
message: A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing
severity: error
fields: [S47ActualStartDate]
requires: [s47_enquiries.start_date]
note: >
  Both enquiries fail, as in the reference: one starting on or after another's start and
  on or before its ICPC (or, the other without an ICPC and not marked not required, by the
  end of the collection year); two with the same dates are left to the duplicate checks.
tests:
  pass:
    s47_enquiries:
      - {s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03, icpc_date: 2022-05-20}
      - {s47_id: S2, child_id: A, referral_id: R1, start_date: 2022-05-21}
  fail:
    s47_enquiries:
      - {s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03, icpc_date: 2022-05-20}
      - {s47_id: S2, child_id: A, referral_id: R1, start_date: 2022-05-20}
      - {s47_id: S3, child_id: B, referral_id: R2, start_date: 2022-05-03, icpc_not_required: true}
      - {s47_id: S4, child_id: B, referral_id: R2, start_date: 2022-05-04, icpc_not_required: true}
  fails: [s47_enquiries.csv:2, s47_enquiries.csv:3]
*/
WITH pairs AS (
    SELECT a.child_id, a.source_ref AS later_ref, b.source_ref AS earlier_ref
    FROM s47_enquiries a
    JOIN s47_enquiries b ON a.child_id = b.child_id AND a.referral_id = b.referral_id
        AND a.s47_id <> b.s47_id
        AND NOT (a.start_date = b.start_date AND a.icpc_date IS NOT DISTINCT FROM b.icpc_date)
        AND a.start_date >= b.start_date
        AND (a.start_date <= b.icpc_date
             OR (b.icpc_date IS NULL AND b.icpc_not_required IS NOT TRUE
                 AND a.start_date <= :year_end))
    WHERE a.source = 'cin_census' AND b.source = 'cin_census'
      AND a.start_date IS NOT NULL AND b.start_date IS NOT NULL
)
SELECT DISTINCT child_id, source_ref
FROM (SELECT child_id, later_ref AS source_ref FROM pairs
      UNION ALL SELECT child_id, earlier_ref FROM pairs)
