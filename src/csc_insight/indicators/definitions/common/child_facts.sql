-- One row per child: `children` holds each child once (the loader merges every return's rows
-- for a child into one, and the regional pool keeps each council's merged rows).
SELECT child_id, dob, sex, ethnicity,
       CAST(disability AS INTEGER) AS disability, CAST(uasc AS INTEGER) AS uasc,
       uasc_ceased
FROM children
