/*
code: "567"
return: ssda903
message: The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.
severity: error
fields: [MIS_START, MIS_END]
requires: [missing_episodes.start_date]
note: >
  The SSDA903 reader already sets aside such a row (it is in the quarantine, not the
  snapshot); the rule checks snapshots built any other way.
tests:
  pass:
    missing_episodes: [{child_id: A, missing_type: M, start_date: 2022-06-01, end_date: 2022-06-01}]
  fail:
    missing_episodes:
      - {child_id: A, missing_type: M, start_date: 2022-06-01, end_date: 2022-05-31}
      - {child_id: A, missing_type: A, start_date: 2022-07-01}
  fails: [missing_episodes.csv:2]
*/
SELECT child_id, source_ref, start_date, end_date
FROM missing_episodes
WHERE source = 'ssda903' AND end_date < start_date
