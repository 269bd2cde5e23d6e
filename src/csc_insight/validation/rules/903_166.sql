/*
code: "166"
return: ssda903
message: Date of review is invalid or blank.
severity: error
fields: [REVIEW]
requires: [cla_reviews.child_id]
note: >
  The reader sets a row with a missing or impossible date aside (quarantine, problem
  missing_value or bad_date): the rule reads those rows back with the value the file gave.
  The reader also accepts ISO dates (yyyy-mm-dd), which the reference, wanting dd/mm/yyyy,
  would flag.
tests:
  pass:
    quarantine:
      - {file: reviews.csv, row_number: 2, target: cla_reviews, column_name: Other, value: 31/02/2020, problem: bad_date, child_id: A}
  fail:
    quarantine:
      - {file: reviews.csv, row_number: 2, target: cla_reviews, column_name: REVIEW, value: 31/02/2020, problem: bad_date, child_id: A}
      - {file: reviews.csv, row_number: 4, target: cla_reviews, column_name: REVIEW, value: "", problem: missing_value, child_id: B}
      - {file: reviews.csv, row_number: 5, target: cla_reviews, column_name: REVIEW, value: X, problem: orphan, child_id: C}
  fails: [reviews.csv:2, reviews.csv:4]
*/
SELECT child_id, file || COALESCE('!' || sheet, '') || ':' || row_number AS source_ref,
       value AS review
FROM quarantine
WHERE target = 'cla_reviews' AND column_name = 'REVIEW' AND problem IN ('bad_date', 'missing_value')
