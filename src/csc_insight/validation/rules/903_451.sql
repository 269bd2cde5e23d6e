/*
code: "451"
return: ssda903
message: Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.
severity: error
fields: [DEC, REC, LS]
requires: [cla_episodes.ls]
differs_from_reference: >
  The reference (csc-validator-be-903 0.1.17) gives each rule a shallow copy of the
  tables, and rules run before this one fill the blank DECs in place, so in a full run it
  never flags an open D1 episode (run alone, it does; found by test_parity). Here it is
  flagged.
tests:
  pass:
    cla_episodes: [{child_id: A, decom: 2005-06-01, dec: 2006-01-01, rec: E11, ls: D1}]
  fail:
    cla_episodes:
      - {child_id: A, decom: 2005-06-01, dec: 2006-01-01, rec: E11, ls: D1}
      - {child_id: B, decom: 2005-06-01, ls: D1}
      - {child_id: C, decom: 2005-06-01, ls: C2}
  fails: [cla_episodes.csv:3]
*/
SELECT child_id, source_ref, ls, decom
FROM cla_episodes
WHERE source = 'ssda903' AND ls = 'D1' AND dec IS NULL AND rec IS NULL
