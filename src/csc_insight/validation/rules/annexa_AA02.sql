/*
code: AA02
return: annex_a
message: An event is dated before the child's date of birth (Date of Contact, Date of referral, Continuous Assessment Start Date, CP Plan Start Date or Date Started to be Looked After before Date of Birth).
severity: error
fields: [Date of Birth, Date of Contact, Date of referral, Continuous Assessment Start Date, CP Plan Start Date, Date Started to be Looked After]
requires: [children.dob]
tests:
  pass:
    children: [{child_id: A, dob: 2015-01-01}]
    contacts: [{contact_id: C1, child_id: A, contact_date: 2022-05-01}]
  fail:
    children: [{child_id: A, dob: 2015-01-01}, {child_id: B}]
    referrals:
      - {referral_id: R1, child_id: A, referral_date: 2014-12-31}
      - {referral_id: R2, child_id: A, referral_date: 2015-01-01}
      - {referral_id: R3, child_id: B, referral_date: 2014-12-31}
    contacts: [{contact_id: C1, child_id: A, contact_date: 2014-06-01}]
    cla_episodes: [{child_id: A, decom: 2014-06-01, source: ssda903}]
  fails: [referrals.csv:2, contacts.csv:2]
*/
SELECT e.child_id, e.source_ref, e.list, c.dob, e.event_date
FROM (SELECT child_id, source_ref, 'List 1' AS list, contact_date AS event_date
      FROM contacts WHERE source = 'annex_a'
      UNION ALL SELECT child_id, source_ref, 'List 3', referral_date FROM referrals
      WHERE source = 'annex_a'
      UNION ALL SELECT child_id, source_ref, 'List 4', start_date FROM assessments
      WHERE source = 'annex_a'
      UNION ALL SELECT child_id, source_ref, 'List 7', start_date FROM cp_plans
      WHERE source = 'annex_a'
      UNION ALL SELECT child_id, source_ref, 'List 8', decom FROM cla_episodes
      WHERE source = 'annex_a') e
JOIN children c ON c.child_id = e.child_id
WHERE e.event_date < c.dob
