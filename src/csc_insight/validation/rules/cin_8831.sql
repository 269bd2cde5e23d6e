/*
code: "8831"
return: cin_census
message: Activity is recorded against a case marked as a referral with no further action
severity: error
fields: [AssessmentActualStartDate, AssessmentAuthorisationDate, S47ActualStartDate, DateOfInitialCPC]
requires: [referrals.nfa]
note: >
  The assessments and section 47 enquiries of a referral with no further action fail (an
  ICPC recorded on the episode is one of its enquiries here); the reference flags the
  referral too.
tests:
  pass:
    referrals: [{referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: false}]
    assessments: [{assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02}]
  fail:
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R2, child_id: B, referral_date: 2022-05-01, nfa: true}
      - {referral_id: R3, child_id: C, referral_date: 2022-05-01, nfa: false}
    assessments:
      - {assessment_id: X1, child_id: A, referral_id: R1, start_date: 2022-05-02}
      - {assessment_id: X2, child_id: C, referral_id: R3, start_date: 2022-05-02}
    s47_enquiries:
      - {s47_id: S1, child_id: B, referral_id: R2, start_date: 2022-05-03}
      - {s47_id: S2, child_id: B, referral_id: R2, icpc_date: 2022-05-20}
  fails: [assessments.csv:2, s47_enquiries.csv:2, s47_enquiries.csv:3]
*/
SELECT a.child_id, a.source_ref, r.referral_date, a.start_date AS activity_date
FROM assessments a JOIN referrals r ON r.child_id = a.child_id AND r.referral_id = a.referral_id
WHERE a.source = 'cin_census' AND r.source = 'cin_census' AND r.nfa IS TRUE
  AND (a.start_date IS NOT NULL OR a.authorised_date IS NOT NULL)
UNION ALL
SELECT s.child_id, s.source_ref, r.referral_date, COALESCE(s.start_date, s.icpc_date)
FROM s47_enquiries s JOIN referrals r ON r.child_id = s.child_id AND r.referral_id = s.referral_id
WHERE s.source = 'cin_census' AND r.source = 'cin_census' AND r.nfa IS TRUE
  AND (s.start_date IS NOT NULL OR s.icpc_date IS NOT NULL)
