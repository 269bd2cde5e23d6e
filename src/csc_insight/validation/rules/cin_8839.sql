/*
code: "8839"
return: cin_census
message: Within one CINDetails group there are 2 or more open S47 Assessments
severity: error
fields: [DateOfInitialCPC]
requires: [s47_enquiries.start_date]
tests:
  pass:
    s47_enquiries:
      - {s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03}
      - {s47_id: S2, child_id: A, referral_id: R1, start_date: 2022-06-03, icpc_not_required: true}
  fail:
    s47_enquiries:
      - {s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03}
      - {s47_id: S2, child_id: A, referral_id: R1, start_date: 2022-06-03}
      - {s47_id: S3, child_id: A, referral_id: R1, start_date: 2022-06-04, icpc_date: 2022-06-20}
      - {s47_id: S4, child_id: A, referral_id: R2, start_date: 2022-07-03}
  fails: [s47_enquiries.csv:2, s47_enquiries.csv:3]
*/
SELECT child_id, source_ref, start_date
FROM (SELECT *, count(*) OVER (PARTITION BY child_id, referral_id) AS open_enquiries
      FROM s47_enquiries
      WHERE source = 'cin_census' AND icpc_date IS NULL AND icpc_not_required IS NOT TRUE)
WHERE open_enquiries > 1
