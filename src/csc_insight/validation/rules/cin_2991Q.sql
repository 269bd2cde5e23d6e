/*
code: "2991Q"
return: cin_census
message: "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode"
severity: query
fields: [CINdetailsID]
requires: [s47_enquiries.start_date]
note: >
  Each Section47 of an episode without an assessment fails, as the reference flags it. An
  ICPC recorded in CINdetails alone (an enquiry here without a start date) is not a Section47
  module and does not fail.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01}]
    assessments: [{assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02}]
    s47_enquiries: [{s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01}
      - {referral_id: R3, child_id: B, referral_date: 2022-08-01}
    assessments: [{assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02}]
    s47_enquiries:
      - {s47_id: S1, child_id: A, referral_id: R1, start_date: 2022-05-03}
      - {s47_id: S2, child_id: B, referral_id: R2, start_date: 2022-05-03}
      - {s47_id: S3, child_id: B, referral_id: R3, icpc_date: 2022-08-20}
  fails: [s47_enquiries.csv:3]
*/
SELECT s.child_id, s.source_ref, s.start_date
FROM s47_enquiries s
WHERE s.source = 'cin_census' AND s.start_date IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.source = 'cin_census'
                  AND a.child_id = s.child_id AND a.referral_id = s.referral_id)
