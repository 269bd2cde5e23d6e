/*
code: "3001"
return: ssda903
message: Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).
severity: error
fields: [REC]
requires: [care_leavers.accommodation, children.dob]
note: >
  The date of birth is the child's (Header).
tests:
  pass:
    children: [{child_id: A, dob: 2005-03-31}]
    care_leavers: [{child_id: A, year_ending: 2023-03-31, accommodation: Z, suitable: true}]
  fail:
    children: [{child_id: A, dob: 2005-03-31}, {child_id: B, dob: 2006-03-31}, {child_id: C, dob: 2005-04-02}]
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, accommodation: Z, suitable: true}
      - {child_id: B, year_ending: 2023-03-31, accommodation: Z, suitable: false}
      - {child_id: C, year_ending: 2023-03-31, accommodation: Z}
      - {child_id: C, year_ending: 2023-03-31, accommodation: B, suitable: true}
  fails: [care_leavers.csv:3, care_leavers.csv:4]
*/
SELECT l.child_id, l.source_ref, c.dob, l.accommodation
FROM care_leavers l JOIN children c USING (child_id)
WHERE l.source = 'ssda903' AND l.year_ending = :year_end AND l.accommodation = 'Z'
  AND c.dob + INTERVAL 17 YEAR BETWEEN :year_start AND :year_end
