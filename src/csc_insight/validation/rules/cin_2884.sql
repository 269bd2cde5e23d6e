/*
code: "2884"
return: cin_census
message: An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one
severity: error
fields: [DateOfInitialCPC]
not_implemented: >
  The CIN census reader counts an ICPC once per event: a CINdetails DateOfInitialCPC that
  matches its Section47's becomes one s47_enquiries row (formats/cin_census.py), so the
  snapshot no longer shows at which level, or at both, the file recorded it.
*/
