/*
code: "178"
return: ssda903
message: Placement provider code is not a valid code.
severity: error
fields: [PLACE_PROVIDER]
requires: [cla_episodes.place_provider]
note: >
  A provider code outside the list sets the row aside (quarantine, problem unknown_code),
  read back here with the value the file gave; a provider code given for a placement that
  has none (T0-T4, Z1) fails; a blank passes, as in the reference.
tests:
  pass:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: U1, place_provider: PR1}
      - {child_id: B, decom: 2022-06-01, place: T1}
  fail:
    cla_episodes:
      - {child_id: A, decom: 2022-06-01, place: U1, place_provider: PR1}
      - {child_id: B, decom: 2022-06-01, place: T1, place_provider: PR1}
      - {child_id: C, decom: 2022-06-01, place: Z1}
    quarantine:
      - {file: episodes.csv, row_number: 9, target: cla_episodes, column_name: PLACE_PROVIDER, value: PR9, problem: unknown_code, child_id: D}
  fails: [cla_episodes.csv:3, episodes.csv:9]
*/
SELECT child_id, source_ref, place_provider, place
FROM cla_episodes
WHERE source = 'ssda903' AND place_provider IS NOT NULL
  AND place IN ('T0', 'T1', 'T2', 'T3', 'T4', 'Z1')
UNION ALL
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value, raw->>'PLACE' AS place
FROM quarantine
WHERE target = 'cla_episodes' AND column_name = 'PLACE_PROVIDER' AND problem IN ('unknown_code')
