"""The audit form's sections and the four grades (seed 003's QA framework, seed 002's
December 2019 summary; the last two sections answer Ofsted 2016's recommendation to include
the perspectives of children, families and partners)."""

from __future__ import annotations

SECTIONS: list[tuple[str, str]] = [
    ("referral", "Referral and response"),
    ("assessment", "Assessment"),
    ("intervention", "Implementation and intervention"),
    ("planning", "Planning and review"),
    ("oversight", "Supervision and management oversight"),
    ("voice", "Voice of the child"),
    ("family", "Views of family and partners"),
]
SECTION_LABELS = dict(SECTIONS)
OVERALL = "overall"

# Best first: the order of every table and of the trend's "Good or better" share.
GRADES: list[tuple[str, str]] = [
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement"),
    ("inadequate", "Inadequate"),
]
GRADE_LABELS = dict(GRADES)
GOOD_OR_BETTER = frozenset({"outstanding", "good"})

# Case types in the order of seed 002's summary ("1 early help case, 7 children in need ...").
CASE_TYPES: list[tuple[str, str]] = [
    ("early_help", "Early help"),
    ("cin", "Child in need"),
    ("cp", "Child protection"),
    ("cla", "Looked after"),
    ("care_leaver", "Care leaver"),
]
CASE_TYPE_LABELS = dict(CASE_TYPES)
