/*
code: "180"
return: ssda903
message: Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.
severity: error
fields: [SDQ_SCORE]
requires: [cla_health.sdq_score]
note: >
  A score that is not a whole number sets the OC2 row aside (quarantine, problem
  bad_value), read back here with the value the file gave, for the collection year (its
  YEAR column, else the year in the file name); a whole number outside 0-40 fails; a blank
  passes.
tests:
  pass:
    cla_health: [{child_id: A, year_ending: 2023-03-31, sdq_score: 40}, {child_id: B, year_ending: 2023-03-31}]
  fail:
    cla_health:
      - {child_id: A, year_ending: 2023-03-31, sdq_score: 0}
      - {child_id: B, year_ending: 2023-03-31, sdq_score: 41}
      - {child_id: C, year_ending: 2022-03-31, sdq_score: 41}
    quarantine:
      - {file: oc2.csv, row_number: 5, target: cla_health, column_name: SDQ_SCORE, value: 4x, problem: bad_value, child_id: D, raw: '{"YEAR": "2023"}'}
      - {file: oc2_2023.csv, row_number: 6, target: cla_health, column_name: SDQ_SCORE, value: 4x, problem: bad_value, child_id: E, raw: '{}'}
      - {file: oc2.csv, row_number: 7, target: cla_health, column_name: SDQ_SCORE, value: 4x, problem: bad_value, child_id: F, raw: '{"YEAR": "2022"}'}
  fails: [cla_health.csv:3, oc2.csv:5, oc2_2023.csv:6]
*/
SELECT child_id, source_ref, CAST(sdq_score AS VARCHAR) AS sdq_score
FROM cla_health
WHERE source = 'ssda903' AND year_ending = :year_end AND sdq_score NOT BETWEEN 0 AND 40
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value
FROM quarantine
WHERE target = 'cla_health' AND column_name = 'SDQ_SCORE' AND problem IN ('bad_value')
  AND COALESCE(TRY_CAST(raw->>'YEAR' AS INTEGER),
               TRY_CAST(regexp_extract(file, '(19|20)[0-9]{2}') AS INTEGER)) = year(:year_end)
