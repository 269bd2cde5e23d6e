/*
code: "133"
return: ssda903
message: Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid
severity: error
fields: [ACCOM]
requires: [care_leavers.accommodation]
note: >
  The snapshot keeps ACCOM as its letter (care_leavers.accommodation) and suffix
  (care_leavers.suitable); the code is put back together to check it. `0` (not applicable:
  the young person died or returned home) is one of the DfE's codes and the reader keeps
  it; a letter without its suffix (a bare Z) and a blank fail, as in the reference. The
  reader sets an OC3 row with an ACCOM outside its form aside (quarantine, problem
  unknown_code): the rule reads those rows of the collection year (YEAR, else the year in
  the file name) back with the value the file gave.
tests:
  pass:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, accommodation: B, suitable: true}
      - {child_id: B, year_ending: 2023-03-31, in_touch: DIED, accommodation: "0"}
  fail:
    care_leavers:
      - {child_id: A, year_ending: 2023-03-31, accommodation: S, suitable: true}
      - {child_id: B, year_ending: 2023-03-31, in_touch: DIED, accommodation: "0"}
      - {child_id: C, year_ending: 2023-03-31, accommodation: Z}
      - {child_id: D, year_ending: 2023-03-31}
      - {child_id: E, year_ending: 2023-03-31, accommodation: X, suitable: false}
      - {child_id: F, year_ending: 2022-03-31, accommodation: S, suitable: true}
    quarantine:
      - {file: oc3.csv, row_number: 9, target: care_leavers, column_name: ACCOM, value: Q7, problem: unknown_code, child_id: G, raw: '{"YEAR": "2023"}'}
  fails: [care_leavers.csv:2, care_leavers.csv:4, care_leavers.csv:5, oc3.csv:9]
*/
SELECT child_id, source_ref, accom
FROM (SELECT child_id, source_ref,
             accommodation || COALESCE(CASE suitable WHEN TRUE THEN '1' WHEN FALSE THEN '2' END, '')
                 AS accom
      FROM care_leavers
      WHERE source = 'ssda903' AND year_ending = :year_end)
WHERE accom IS NULL OR accom NOT IN ('B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2',
    'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2', 'T1', 'T2', 'U1', 'U2', 'V1', 'V2', 'W1', 'W2',
    'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'care_leavers' AND column_name = 'ACCOM' AND problem IN ('unknown_code')
  AND COALESCE(TRY_CAST(raw->>'YEAR' AS INTEGER),
               TRY_CAST(regexp_extract(file, '(19|20)[0-9]{2}') AS INTEGER)) = year(:year_end)
