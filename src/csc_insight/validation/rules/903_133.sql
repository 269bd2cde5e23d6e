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
  it; a letter without its suffix (a bare Z) and a blank fail, as in the reference.
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
  fails: [care_leavers.csv:2, care_leavers.csv:4, care_leavers.csv:5]
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
