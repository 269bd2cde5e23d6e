/*
code: "132"
return: ssda903
message: Data entry for activity after leaving care is invalid.
severity: error
fields: [ACTIV]
requires: [care_leavers.activity]
note: >
  `0` (not applicable: the young person died or returned home) is one of the DfE's codes
  and the reader keeps it. The reader sets an OC3 row with a code outside its list aside
  (quarantine, problem unknown_code): the rule reads those rows of the collection year
  (YEAR, else the year in the file name) back with the value the file gave. F3 and P3 (the
  codes before F4/P4 and F5/P5) are read but fail here.
tests:
  pass:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES", activity: F4}
      - {child_id: B, year_ending: 2023-03-31, in_touch: RHOM, activity: "0"}
  fail:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, in_touch: "YES", activity: G6}
      - {child_id: B, year_ending: 2023-03-31, in_touch: RHOM, activity: "0"}
      - {child_id: C, year_ending: 2023-03-31, in_touch: "YES", activity: F3}
      - {child_id: D, year_ending: 2023-03-31, in_touch: "NO"}
      - {child_id: E, year_ending: 2022-03-31, in_touch: "NO"}
    quarantine:
      - {file: oc3_2023.csv, row_number: 9, target: care_leavers, column_name: ACTIV, value: Q1, problem: unknown_code, child_id: F, raw: '{}'}
  fails: [care_leavers.csv:4, care_leavers.csv:5, oc3_2023.csv:9]
*/
SELECT child_id, source_ref, activity
FROM care_leavers
WHERE source = 'ssda903' AND year_ending = :year_end
  AND (activity IS NULL OR activity NOT IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5',
                                            'G4', 'G5', 'G6', '0'))
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'care_leavers' AND column_name = 'ACTIV' AND problem IN ('unknown_code')
  AND COALESCE(TRY_CAST(raw->>'YEAR' AS INTEGER),
               TRY_CAST(regexp_extract(file, '(19|20)[0-9]{2}') AS INTEGER)) = year(:year_end)
