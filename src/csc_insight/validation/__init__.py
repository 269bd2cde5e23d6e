"""Validation rules: the DfE's CIN census and SSDA903 rules, and our own Annex A and
cross-return checks, each one SQL file under `rules/` returning the failing rows (see
rules/README.md). `runner.run` runs those in force for a collection year on a snapshot."""
