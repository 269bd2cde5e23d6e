/*
code: "374"
return: ssda903
message: Child in residential employment should be at least 14 years old.
severity: error
fields: [DECOM, PLACE]
requires: [cla_episodes.decom, children.dob]
differs_from_reference: >
  The reference (csc-validator-be-903) checks only episodes that have ended (it drops rows
  with a blank DEC); the DfE's rule is on the age at DECOM, so an open episode is checked
  here too.
tests:
  pass:
    children: [{child_id: A, dob: 2008-06-01}]
    cla_episodes: [{child_id: A, decom: 2022-06-01, place: P3}]
  fail:
    children: [{child_id: A, dob: 2008-06-02}]
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: P3}
      - {child_id: A, decom: 2022-05-01, place: U1, dec: 2022-06-01, rec: X1}
  fails: [cla_episodes.csv:2]
*/
SELECT e.child_id, e.source_ref, e.decom, e.place, c.dob
FROM cla_episodes e JOIN children c ON c.child_id = e.child_id
WHERE e.source = 'ssda903' AND e.place = 'P3' AND e.decom < c.dob + INTERVAL 14 YEAR
