/*
code: "8868"
return: cin_census
message: CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag
severity: error
fields: [ICPCnotRequired, CINclosureDate, DateOfInitialCPC]
requires: [referrals.closure_date, s47_enquiries.start_date]
differs_from_reference: >
  The reference (csc-validator-be-cin) also flags a closed episode with no Section47 at
  all (its left join leaves the ICPC date blank); the rule speaks of "all instances of the
  Section47 group", so an episode with none passes here. The ICPC date may come from the
  episode's CINdetails (the snapshot keeps one ICPC per event, store/merge.py).
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-09-01}]
    s47_enquiries: [{s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03, icpc_not_required: true}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, closure_date: 2022-09-01}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01}
    s47_enquiries:
      - {s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03}
      - {s47_id: S2, child_id: A, referral_id: R1, start_date: 2022-05-04, icpc_date: 2022-05-20, icpc_not_required: true}
      - {s47_id: S3, child_id: A, referral_id: R1, start_date: 2022-05-05, icpc_date: 2022-05-20}
      - {s47_id: S4, child_id: B, referral_id: R2, start_date: 2022-05-03}
  fails: [s47_enquiries.csv:2, s47_enquiries.csv:3]
*/
SELECT s.child_id, s.source_ref, r.closure_date, s.start_date, s.icpc_date, s.icpc_not_required
FROM referrals r
JOIN s47_enquiries s ON s.child_id = r.child_id AND s.referral_id = r.referral_id
WHERE r.source = 'cin_census' AND s.source = 'cin_census' AND s.start_date IS NOT NULL
  AND r.closure_date BETWEEN :year_start AND :year_end
  AND ((s.icpc_date IS NULL AND s.icpc_not_required IS NOT TRUE)
    OR (s.icpc_date IS NOT NULL AND s.icpc_not_required IS TRUE))
