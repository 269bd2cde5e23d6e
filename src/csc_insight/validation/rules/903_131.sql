/*
code: "131"
return: ssda903
message: Data entry for being in touch after leaving care is invalid.
severity: error
fields: [IN_TOUCH]
requires: [care_leavers.in_touch]
note: >
  The reader sets an OC3 row with an IN_TOUCH outside its list aside (quarantine, problem
  unknown_code): the rule reads those rows of the collection year (YEAR, else the year in
  the file name) back with the value the file gave.
tests:
  pass:
    care_leavers: [{child_id: A, year_ending: 2023-03-31, in_touch: RHOM}]
  fail:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES"}
      - {child_id: B, year_ending: 2023-03-31}
      - {child_id: C, year_ending: 2022-03-31}
    quarantine:
      - {file: oc3.csv, row_number: 9, target: care_leavers, column_name: IN_TOUCH, value: Z, problem: unknown_code, child_id: D, raw: '{"YEAR": "2023"}'}
      - {file: oc3.csv, row_number: 10, target: care_leavers, column_name: IN_TOUCH, value: Z, problem: unknown_code, child_id: E, raw: '{"YEAR": "2022"}'}
  fails: [care_leavers.csv:3, oc3.csv:9]
*/
SELECT child_id, source_ref, in_touch
FROM care_leavers
WHERE source = 'ssda903' AND year_ending = :year_end
  AND (in_touch IS NULL OR in_touch NOT IN ('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'))
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'care_leavers' AND column_name = 'IN_TOUCH' AND problem IN ('unknown_code')
  AND COALESCE(TRY_CAST(raw->>'YEAR' AS INTEGER),
               TRY_CAST(regexp_extract(file, '(19|20)[0-9]{2}') AS INTEGER)) = year(:year_end)
