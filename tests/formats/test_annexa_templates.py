"""Annex A workbooks as councils' systems write them, built by hand, loaded through the loader.

One workbook per Ofsted template version (2015, 2019-20, 2023-24) and one with the variants
real LA files carry. Headings are transcribed from the public sources we have:
- 2015: the short wording recorded in FORMATS.md ("Date of ICPC", "Was an ICPC deemed
  unnecessary?", "UASC within the Last 12 Months (Y/N)", "Date of Matching" ...);
- 2019-20: the long wording of the ILACS template as liia-tools-pipeline's public Annex A
  schema (MIT) records it for London's councils ("Number of Episodes the Child has been
  'Missing' from their Placement in the last 12 months", "Was the child offered a Return
  Interview after their last missing episode (Y/N)?", "Reason Why Child No Longer Placed for
  Adoption", "Date of Matching Child and Prospective Adopters", List 9's four newer columns);
- 2023-24: the wording of the 2023 template as LA extract tools spell it ("Date of Initial
  Child Protection Conference", "Child Protection Plan Start Date", "Date of Last IRO Visit /
  Contact to the Child", typographic quotes around 'Missing' and 'Absent').
Cells use Ofsted's lettered drop-downs ("a) Male", "c) Not stated/recorded", "a) Yes",
"e) PR4 - Private provision", "F3: Full time in training or employment").

The same events are in every workbook, so every version must give the same snapshot values
(worked out by hand below, in EXPECTED_*).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
import xlsxwriter

from csc_insight.indicators.engine import compute
from csc_insight.store.loader import load

D = date

# --- the events, as field -> cell (lettered drop-down spellings) --------------------------------

C1 = {
    "child_id": "C1",
    "sex": "a) Male",
    "ethnicity": "a) WBRI",
    "dob": D(2012, 5, 1),
    "age": 7,
    "disability": "b) No",
    "team": "Assessment Team",
    "worker": "Jane Smith",
}
C2 = {
    "child_id": "C2",
    "sex": "b) Female",
    "ethnicity": "o) BAFR",
    "dob": D(2002, 8, 1),
    "age": 17,
    "disability": "b) No",
    "team": "Leaving Care Team",
    "worker": "Sam Patel",
}
C3 = {
    "child_id": "C3",
    "sex": "c) Not stated/recorded",
    "ethnicity": "t) NOBT",
    "dob": D(2018, 2, 1),
    "age": 2,
    "disability": "b) No",
}
C4 = {
    "child_id": "C4",
    "sex": "a) Male",
    "ethnicity": "d) WOTH",
    "dob": D(2005, 6, 1),
    "age": 14,
    "disability": "b) No",
    "team": "Children in Care Team",
    "worker": "Ann Lee",
}
C5 = {
    "child_id": "C5",
    "sex": "b) Female",
    "ethnicity": "a) WBRI",
    "dob": D(2017, 3, 3),
    "age": 3,
    "disability": "a) Yes",
}

ROWS: dict[int, list[dict[str, object]]] = {
    1: [C1 | {"contact_date": D(2020, 1, 6), "source_code": "a) 1A: Individual"}],
    2: [
        C1
        | {
            "start_date": D(2019, 11, 4),
            "completion_date": D(2019, 12, 2),
            "organisation": "Children's Centre",
        }
    ],
    3: [
        C1
        | {
            "referral_date": D(2020, 1, 8),
            "source_code": "s) 6: Police",
            "nfa": "b) No",
            "referrals_12m": 2,
        }
    ],
    4: [
        C1
        | {
            "start_date": D(2020, 1, 9),
            "child_seen": "a) Yes",
            "authorised_date": D(2020, 2, 20),
            "needs_support": "a) Yes",
        }
    ],
    5: [
        C1
        | {
            "start_date": D(2020, 1, 10),
            "icpc_not_required": "b) No",
            "icpc_date": D(2020, 1, 30),
            "cp_plan_resulted": "a) Yes",
            "s47_12m": 1,
            "icpc_12m": 1,
        }
    ],
    6: [
        C1
        | {
            "referral_date": D(2020, 1, 8),
            "primary_need": "N1 - Abuse or neglect",
            "last_seen": D(2020, 3, 20),
            "case_status": "a) Open",
        }
    ],
    7: [
        C1
        | {
            "start_date": D(2020, 1, 30),
            "initial_category": "a) Neglect",
            "latest_category": "d) Emotional abuse",
            "last_visit": D(2020, 3, 25),
            "seen_alone": "a) Yes",
            "latest_review": D(2020, 3, 12),
            "epo": "b) No",
            "previous_plans": 0,
        }
    ],
    8: [
        C4
        | {
            "uasc": "a) Yes",
            "period_start": D(2019, 6, 3),
            "cin": "N1 - Abuse or neglect",
            "second_period": "a) Yes",
            "ls_start": D(2019, 6, 3),
            "ls": "C2 - Full care order",
            "latest_review": D(2020, 2, 14),
            "last_visit": D(2020, 3, 18),
            "permanence_plan": "Long-term fostering",
            "last_iro": D(2020, 2, 20),
            "health_date": D(2019, 9, 10),
            "dental_date": D(2019, 10, 1),
            "placements_12m": 2,
            "placement_start": D(2019, 12, 2),
            "place": "U6: Placement with other foster carer - not long term or FFA",
            "place_provider": "e) PR4 - Private provision",
            "pl_post": "ME14 1XX",
            "urn": "SC123456",
            "placement_location": "b) Out",
            "placement_la": "Kent",
            "missing_12m": 3,
            "absent_12m": 1,
            "rhi_offered": "a) Yes",
            "rhi_accepted": "b) No",
        }
    ],
    9: [
        C2
        | {
            "uasc": "b) No",
            "personal_advisor": "Pat Adviser",
            "eligibility": "b) Former relevant child",
            "pathway_review": D(2020, 2, 3),
            "in_touch": "a) Yes",
            "latest_contact": D(2020, 3, 2),
            "accommodation": "D: Semi-independent, transitional accommodation",
            "suitable": "a) Suitable",
            "activity": "F3: Full time in training or employment",
        }
    ],
    10: [
        C3
        | {
            "family_id": "F1",
            "entered_care": D(2018, 3, 1),
            "decision_date": D(2018, 9, 1),
            "placement_order_date": D(2018, 10, 15),
            "matched_date": D(2019, 3, 1),
            "placed_date": D(2019, 4, 1),
            "ffa_date": D(2019, 2, 1),
        },
        C5
        | {
            "family_id": "F2",
            "entered_care": D(2018, 6, 1),
            "decision_date": D(2019, 1, 10),
            "no_longer_placed_date": D(2019, 11, 1),
            "no_longer_placed_reason": (
                "RD1 - The child\u2019s needs changed subsequent to the decision"
            ),
        },
    ],
    11: [
        {
            "adopter_id": "A1",
            "family_id": "F1",
            "sex": "b) Female",
            "ethnicity": "a) WBRI",
            "disability": "b) No",
            "ffa": "b) No",
            "enquiry_date": D(2018, 5, 1),
        }
    ],
}

# --- the headings of each template version, as (heading, field) ---------------------------------

CHILD = [
    ("Child Unique ID", "child_id"),
    ("Gender", "sex"),
    ("Ethnicity", "ethnicity"),
    ("Date of Birth", "dob"),
    ("Age of Child (Years)", "age"),
]
TEAM = [("Allocated Team", "team"), ("Allocated Worker", "worker")]
DISABILITY = [("Does the Child have a Disability", "disability")]
LIST_11 = [
    ("Individual adopter identifier", "adopter_id"),
    ("Family identifier", "family_id"),
    ("Gender", "sex"),
    ("Ethnicity", "ethnicity"),
    ("Disability", "disability"),
    ("Is the (prospective) adopter fostering for adoption?", "ffa"),
    ("Date enquiry received", "enquiry_date"),
    ("Date Stage 1 started", None),
    ("Date Stage 1 ended", None),
    ("Date Stage 2 started", None),
    ("Date Stage 2 ended", None),
    ("Date application submitted", None),
    ("Date application approved", None),
    ("Date adopter matched with child(ren)", None),
    ("Date child/children placed with adopter(s)", None),
    ("No. of children placed", None),
    ("Date of Adoption Order", None),
    ("Date of leaving adoption process", None),
    ("Reason for leaving adoption process", None),
]


def _common(
    list5: list, list7_dates: tuple[str, str], list8: list, list9: list, list10: list
) -> dict[int, list[tuple[str, str | None]]]:
    start, end = list7_dates
    return {
        1: CHILD + [("Date of Contact", "contact_date"), ("Contact Source", "source_code")],
        2: CHILD
        + [
            ("Assessment start date", "start_date"),
            ("Assessment completion date", "completion_date"),
            ("Organisation completing assessment", "organisation"),
        ],
        3: CHILD
        + [
            ("Date of referral", "referral_date"),
            ("Referral Source", "source_code"),
            ("Referral NFA?", "nfa"),
            ("Number of Referrals in Last 12 Months", "referrals_12m"),
        ]
        + TEAM,
        4: CHILD
        + DISABILITY
        + [
            ("Continuous Assessment Start Date", "start_date"),
            ("Child Seen During Continuous Assessment", "child_seen"),
            ("Continuous Assessment Date of Authorisation", "authorised_date"),
            (
                "Was the child assessed as requiring LA children's social care support?",
                "needs_support",
            ),
        ]
        + TEAM,
        5: CHILD + DISABILITY + list5 + TEAM,
        6: CHILD
        + DISABILITY
        + [
            ("CIN Start Date", "referral_date"),
            ("Primary Need Code", "primary_need"),
            ("Date Child Was Last Seen", "last_seen"),
            ("CIN Closure Date", "closure_date"),
            ("Reason for Closure", "closure_reason"),
            ("Case Status", "case_status"),
        ]
        + TEAM,
        7: CHILD
        + DISABILITY
        + [
            (start, "start_date"),
            ("Initial Category of Abuse", "initial_category"),
            ("Latest Category of Abuse", "latest_category"),
            ("Date of the Last Statutory Visit", "last_visit"),
            ("Was the Child Seen Alone?", "seen_alone"),
            ("Date of latest review conference", "latest_review"),
            (end, "end_date"),
            (
                "Subject to Emergency Protection Order or Protected Under Police Powers in Last "
                "Six Months (Y/N)",
                "epo",
            ),
            ("Number of Previous Child Protection Plans", "previous_plans"),
        ]
        + TEAM,
        8: CHILD + list8 + TEAM,
        9: list9,
        10: [
            ("Child Unique ID", "child_id"),
            ("Family identifier", "family_id"),
            ("Gender", "sex"),
            ("Ethnicity", "ethnicity"),
            ("Date of Birth", "dob"),
            ("Age of Child (Years)", "age"),
        ]
        + DISABILITY
        + list10,
        11: LIST_11,
    }


def _list8(
    uasc: str, iro: str, missing: str, absent: str, offered: str, accepted: str
) -> list[tuple[str, str]]:
    return [
        (uasc, "uasc"),
        *DISABILITY,
        ("Date Started to be Looked After", "period_start"),
        ("Child's Category of Need", "cin"),
        (
            "Second or subsequent period of being Looked After within the last 12 months (Y/N)",
            "second_period",
        ),
        ("Start date of current legal status", "ls_start"),
        ("Child's Legal Status", "ls"),
        ("Date of Latest Statutory Review", "latest_review"),
        ("Date of Last Social Work Visit", "last_visit"),
        ("What is the permanence plan for this child?", "permanence_plan"),
        (iro, "last_iro"),
        ("Date of Last Health Assessment", "health_date"),
        ("Date of Last Dental Check", "dental_date"),
        ("Number of Placements in the Last 12 months", "placements_12m"),
        ("Date Ceased to be Looked After", "dec"),
        ("Reason Ceased to be Looked After", "rec"),
        ("Start Date of Most Recent Placement", "placement_start"),
        ("Placement Type", "place"),
        ("Placement Provider", "place_provider"),
        ("Placement postcode", "pl_post"),
        ("URN of Placement", "urn"),
        ("Placement Location", "placement_location"),
        ("LA of Placement", "placement_la"),
        (missing, "missing_12m"),
        (absent, "absent_12m"),
        (offered, "rhi_offered"),
        (accepted, "rhi_accepted"),
    ]


LIST_9_OLD = (
    CHILD
    + DISABILITY
    + TEAM
    + [
        ("Eligibility Category", "eligibility"),
        ("LA in Touch", "in_touch"),
        ("Type of Accommodation", "accommodation"),
        ("Suitability of Accommodation", "suitable"),
        ("Activity Status", "activity"),
    ]
)
LIST_9_NEW = CHILD + [
    ("Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", "uasc"),
    *DISABILITY,
    *TEAM,
    ("Allocated Personal Advisor", "personal_advisor"),
    ("Eligibility Category", "eligibility"),
    ("Latest Pathway Plan Review Date", "pathway_review"),
    ("LA in Touch", "in_touch"),
    ("Latest Date of Contact", "latest_contact"),
    ("Type of Accommodation", "accommodation"),
    ("Suitability of Accommodation", "suitable"),
    ("Activity Status", "activity"),
]
LIST_10_LONG = [
    ("Date the Child Entered Care", "entered_care"),
    ("Date of Decision that Child Should be Placed for Adoption", "decision_date"),
    ("Date of Placement Order", "placement_order_date"),
    ("Date of Matching Child and Prospective Adopters", "matched_date"),
    ("Date Placed for Adoption", "placed_date"),
    ("Date of Adoption Order", "adoption_order_date"),
    (
        "Date of Decision that Child Should No Longer be Placed for Adoption",
        "no_longer_placed_date",
    ),
    ("Reason Why Child No Longer Placed for Adoption", "no_longer_placed_reason"),
    ("Date the child was placed for fostering in FFA or concurrent planning placement", "ffa_date"),
]
LIST_5_LONG = [
    ("Strategy discussion initiating Section 47 Enquiry Start Date", "start_date"),
    ("Was an Initial Child Protection Conference deemed unnecessary?", "icpc_not_required"),
    ("Date of Initial Child Protection Conference", "icpc_date"),
    (
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "cp_plan_resulted",
    ),
    ("Number of Section 47 Enquiries in the last 12 months", "s47_12m"),
    ("Number of ICPCs in the last 12 months", "icpc_12m"),
]

TEMPLATES: dict[str, dict[int, list[tuple[str, str | None]]]] = {
    "2015": _common(
        [
            ("Strategy discussion initiating Section 47 Enquiry Start Date", "start_date"),
            ("Was an ICPC deemed unnecessary?", "icpc_not_required"),
            ("Date of ICPC", "icpc_date"),
            ("Did the ICPC Result in a CP Plan", "cp_plan_resulted"),
            ("Number of Section 47 Enquiries in the last 12 months", "s47_12m"),
            ("Number of ICPCs in the last 12 months", "icpc_12m"),
        ],
        ("CP Plan Start Date", "CP Plan End Date"),
        _list8(
            "UASC within the Last 12 Months (Y/N)",
            "Date of Last IRO Visit/Contact",
            "Number of Episodes 'Missing' in the last 12 months",
            "Number of Episodes 'Absent' in the last 12 months",
            "Was the child offered a Return Interview after the last missing episode (Y/N)?",
            "Did the child accept the offer of a Return Interview (Y/N)?",
        ),
        LIST_9_OLD,
        [
            ("Date the Child Entered Care", "entered_care"),
            ("Date of Decision that Child Should be Placed for Adoption", "decision_date"),
            ("Date of Placement Order", "placement_order_date"),
            ("Date of Matching", "matched_date"),
            ("Date Placed for Adoption", "placed_date"),
            ("Date of Adoption Order", "adoption_order_date"),
            (
                "Date of Decision that Child Should No Longer be Placed for Adoption",
                "no_longer_placed_date",
            ),
            ("Reason for No Longer Placed for Adoption", "no_longer_placed_reason"),
            ("Date placed for fostering in FFA/concurrent planning placement", "ffa_date"),
        ],
    ),
    "2019-20": _common(
        LIST_5_LONG,
        ("CP Plan Start Date", "CP Plan End Date"),
        _list8(
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            "Date of Last IRO Visit/Contact",
            "Number of Episodes the Child has been 'Missing' from their Placement in the "
            "last 12 months",
            "Number of Episodes the Child has been 'Absent' from their Placement in the "
            "last 12 months",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
        ),
        LIST_9_NEW,
        LIST_10_LONG,
    ),
    "2023-24": _common(
        LIST_5_LONG,
        ("Child Protection Plan Start Date", "Child Protection Plan End Date"),
        _list8(
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            "Date of Last IRO Visit / Contact to the Child",
            "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement "
            "in the last 12 months",
            "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement "
            "in the last 12 months",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
        ),
        LIST_9_NEW,
        LIST_10_LONG,
    ),
}
# List 9 of the 2015 template has no UASC, personal adviser, pathway plan or contact date.
OLD_ONLY_MISSING = {"personal_advisor", "pathway_review", "latest_contact"}

# --- hand-worked expectations ------------------------------------------------------------------

# Children: one row per list a child is in, all with the same details.
EXPECTED_CHILDREN = {
    ("C1", D(2012, 5, 1), "M", "WBRI", False),
    ("C2", D(2002, 8, 1), "F", "BAFR", False),
    ("C3", D(2018, 2, 1), "U", "NOBT", False),
    ("C4", D(2005, 6, 1), "M", "WOTH", False),
    ("C5", D(2017, 3, 3), "F", "WBRI", True),
}
# List 5: 'b) No' -> not unnecessary; 'a) Yes' -> resulted in a plan; the 12-month counts.
EXPECTED_S47 = [("C1/S47/2020-01-10", D(2020, 1, 10), False, D(2020, 1, 30), True, 1, 1)]
# List 8: second period 'a) Yes', 2 placements, 3 missing, 1 absent, RI offered, not accepted.
EXPECTED_SUMMARY = [("C4", True, 2, 3, 1, True, False, "Long-term fostering", "b) Out", "Kent")]
# Visits: List 6 last seen (CIN), List 7 last statutory visit (CP, seen alone), List 8 last
# social work visit (CLA) and last IRO visit (IRO).
EXPECTED_VISITS = [
    ("C1", D(2020, 3, 20), "CIN", None),
    ("C1", D(2020, 3, 25), "CP", True),
    ("C4", D(2020, 2, 20), "IRO", None),
    ("C4", D(2020, 3, 18), "CLA", None),
]
# List 8's one row of care: the latest placement (2 Dec 2019) after the start of care (3 June
# 2019) is a placement change (P); 'e) PR4 - Private provision' -> PR4; 'U6: ...' -> U6.
EXPECTED_EPISODE = [("C4", D(2019, 12, 2), "P", "C2", "N1", "U6", "PR4", None, None)]
EXPECTED_ADOPTION = [
    ("C3", D(2018, 9, 1), D(2019, 3, 1), D(2019, 4, 1), None, None, D(2019, 2, 1)),
    (
        "C5",
        D(2019, 1, 10),
        None,
        None,
        D(2019, 11, 1),
        "RD1 - The child\u2019s needs changed subsequent to the decision",
        None,
    ),
]


def _write(path: Path, template: dict[int, list[tuple[str, str | None]]]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for n, columns in template.items():
        sheet = book.add_worksheet(f"List {n}")
        sheet.write_row(0, 0, [heading for heading, _ in columns])
        for r, row in enumerate(ROWS[n], start=1):
            for c, (_, field) in enumerate(columns):
                value = row.get(field) if field else None
                if isinstance(value, date):
                    sheet.write_datetime(r, c, datetime(value.year, value.month, value.day), dates)
                elif value is not None:
                    sheet.write(r, c, value)
    book.close()
    return path


def _snapshot(path: Path, home: Path) -> tuple[duckdb.DuckDBPyConnection, list]:
    result = load([path], base=home)
    errors = [i for i in result.report.issues if i.severity == "error"]
    assert errors == []
    assert result.snapshot is not None
    return duckdb.connect(str(result.snapshot.path), read_only=True), result.report.issues


def _check_values(con: duckdb.DuckDBPyConnection, *, new_list_9: bool) -> None:
    q = con.execute
    assert (
        set(
            q(
                "SELECT DISTINCT child_id, dob, sex, ethnicity, disability FROM children "
                "WHERE child_id <> 'A1'"
            ).fetchall()
        )
        == EXPECTED_CHILDREN
    )
    # UASC from List 8 ('a) Yes'); List 9's 'b) No' for C2 where the template has it.
    assert q(
        "SELECT child_id, uasc FROM children WHERE uasc IS NOT NULL ORDER BY 1"
    ).fetchall() == ([("C2", False), ("C4", True)] if new_list_9 else [("C4", True)])
    assert (
        q(
            "SELECT s47_id, start_date, icpc_not_required, icpc_date, cp_plan_resulted, "
            "s47_12m, icpc_12m FROM s47_enquiries"
        ).fetchall()
        == EXPECTED_S47
    )
    assert (
        q(
            "SELECT child_id, second_period, placements_12m, missing_12m, absent_12m, "
            "rhi_offered, rhi_accepted, permanence_plan, placement_location, placement_la "
            "FROM cla_summary"
        ).fetchall()
        == EXPECTED_SUMMARY
    )
    assert (
        q(
            "SELECT child_id, visit_date, visit_type, seen_alone FROM visits ORDER BY 1, 2"
        ).fetchall()
        == EXPECTED_VISITS
    )
    assert (
        q(
            "SELECT child_id, decom, rne, ls, cin, place, place_provider, dec, rec "
            "FROM cla_episodes"
        ).fetchall()
        == EXPECTED_EPISODE
    )
    assert (
        q(
            "SELECT child_id, decision_date, matched_date, placed_date, "
            "no_longer_placed_date, no_longer_placed_reason, ffa_date FROM adoption "
            "ORDER BY 1"
        ).fetchall()
        == EXPECTED_ADOPTION
    )
    # List 9: 'F3: Full time in training or employment' -> F3; 'D: Semi-independent ...' -> D.
    assert q(
        "SELECT child_id, in_touch, activity, accommodation, suitable, eligibility, "
        "personal_advisor, latest_contact FROM care_leavers"
    ).fetchall() == [
        (
            "C2",
            "YES",
            "F3",
            "D",
            True,
            "Former relevant child",
            "Pat Adviser" if new_list_9 else None,
            D(2020, 3, 2) if new_list_9 else None,
        )
    ]
    assert q("SELECT child_id, review_date FROM pathway_plan_reviews").fetchall() == (
        [("C2", D(2020, 2, 3))] if new_list_9 else []
    )
    assert q(
        "SELECT child_id, start_date, initial_category, latest_category, previous_plans "
        "FROM cp_plans"
    ).fetchall() == [("C1", D(2020, 1, 30), "NEG", "EMO", 0)]
    assert q(
        "SELECT child_id, referral_date, source_code, nfa, primary_need, referrals_12m "
        "FROM referrals"
    ).fetchall() == [("C1", D(2020, 1, 8), "6", False, "N1", 2)]
    assert q("SELECT child_id, contact_date, source_code FROM contacts").fetchall() == [
        ("C1", D(2020, 1, 6), "1A")
    ]


@pytest.mark.parametrize("version", list(TEMPLATES))
def test_each_template_version_gives_the_same_values(version: str, tmp_path: Path) -> None:
    path = _write(tmp_path / f"annex_a_{version}.xlsx", TEMPLATES[version])
    con, issues = _snapshot(path, tmp_path / "home")
    # Every heading of the template is read: no heading is reported as unknown.
    assert [(i.sheet, i.column) for i in issues if i.code == "unknown_column"] == []
    _check_values(con, new_list_9=version != "2015")


def test_indicators_use_what_only_annex_a_gives(tmp_path: Path) -> None:
    """An Annex A-only load: C4 is looked after on 31 March 2020 and UASC, so cla_uasc is 1
    (not "not available"); C1's ICPC on 30 January 2020 is in 2019-20 Q4, so icpc_held is 1."""
    con, _ = _snapshot(_write(tmp_path / "annex_a.xlsx", TEMPLATES["2023-24"]), tmp_path / "home")
    results = {
        r.id: r
        for r in compute(con, "2019-20-Q4", ids=["cla_uasc", "icpc_held"], comparisons=False)
    }
    assert (results["cla_uasc"].status, results["cla_uasc"].value) == ("ok", 1)
    assert (results["icpc_held"].status, results["icpc_held"].value) == ("ok", 1)


# --- the variants real LA files carry ---------------------------------------------------------

# Heading spellings: case, doubled and non-breaking spaces, line breaks, trailing spaces, a
# doubled bracket, curly quotes, a missing '?', and a typo or two.
# fmt: off
VARIANT_HEADINGS = {
    "Child Unique ID": "CHILD UNIQUE ID ",
    "Gender": " gender",
    "Date of Birth": "Date of\nBirth",
    "Age of Child (Years)": "Age of Child  (Years)",
    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)":
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))",
    "Was an Initial Child Protection Conference deemed unnecessary?":
        "Was an Initial Child Protection Conference deemed unnecessary",
    "Did the Initial Child Protection Conference Result in a Child Protection Plan":
        "Did the Initial Child Protection Conference Result in a Child Protection Plan?",
    "Second or subsequent period of being Looked After within the last 12 months (Y/N)":
        "Second or subsequent period of being Looked\u00a0After within the last 12 months "
        "(Y/N)",
    "Date of Last IRO Visit / Contact to the Child":
        "Date of Last IRO Visit/Contact to the Child  ",
    "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the "
    "last 12 months":
        "Number of Episodes the Child has been \u201cMissing\u201d from their Placement in the "
        "last 12 months",
    "Did the child accept a Return Interview after their last missing episode (Y/N)?":
        "Did the child accept a Return Interview after their last missing episode (Y/N) ?",
    "Date of Placement Order": "Date of Placment Order",  # typo: one letter
    "Date of Matching Child and Prospective Adopters":
        "Date of Matching Child and Prospective Adoptors",  # typo
    "Reason Why Child No Longer Placed for Adoption":
        "Reason Why Child No Longer Placed For Adoption",
    "Continuous Assessment Date of Authorisation":
        "Continuous Assessment Date of Authorisation\n",
}
# fmt: on


def test_variants_real_la_files_carry(tmp_path: Path) -> None:
    """The 2023-24 template as an LA's system writes it: the heading variants above, an extra
    column of the LA's own, synonyms and bare codes for the drop-downs, a formula for a date
    and for an age (the cached value is read), #N/A and N/A, non-breaking spaces, dates as
    text, as ISO text and as Excel serial numbers, and ages as decimals. The values reaching
    the snapshot are the same as from the clean template."""
    template = {
        n: [(VARIANT_HEADINGS.get(h, h), f) for h, f in cols]
        for n, cols in TEMPLATES["2023-24"].items()
    }
    template[8] = [*template[8], ("LA Case Reference", "la_ref")]
    rows = {n: [dict(r) for r in rs] for n, rs in ROWS.items()}
    # Synonyms and bare codes for the same values.
    rows[1][0] |= {"sex": "1", "ethnicity": "WBRI", "source_code": "1A"}
    rows[2][0] |= {"sex": "M", "start_date": "04/11/2019", "completion_date": "2019-12-02"}
    rows[3][0] |= {"sex": "Male", "nfa": "N", "source_code": "6"}
    rows[4][0] |= {"sex": "1 - Male", "child_seen": "Y", "needs_support": "Yes"}
    rows[5][0] |= {
        "icpc_not_required": "No",
        "cp_plan_resulted": "Y",
        "icpc_date": 43860,
    }  # an Excel serial: 30 January 2020
    rows[6][0] |= {"primary_need": "N1", "case_status": "Open"}
    rows[7][0] |= {
        "initial_category": "NEG",
        "latest_category": "Emotional abuse",
        "seen_alone": "Y",
        "worker": "Jane\u00a0Smith",
    }
    rows[8][0] |= {
        "child_id": "C4\u00a0",
        "uasc": "Y",
        "second_period": "Yes",
        "ls": "C2",
        "cin": "N1",
        "place": "U6",
        "place_provider": "PR4",
        "dec": "#N/A",
        "rec": "N/A",
        "rhi_offered": "Offered and Declined (by YP)",  # offered: yes
        "rhi_accepted": "Offered and Declined (by YP)",  # accepted: no
        "la_ref": "LA-000123",
        "age": 14.83,
    }
    rows[9][0] |= {
        "uasc": "N",
        "in_touch": "1 - Yes, resident in the UK",
        "accommodation": "D",
        "suitable": "Accommodation is considered suitable",
        "activity": "F3",
        "eligibility": "Former relevant child",
    }
    rows[10][0] |= {"sex": "Unborn"}
    rows[10][1] |= {"sex": "2", "disability": "Y"}
    path = tmp_path / "annex_a_variants.xlsx"
    book = xlsxwriter.Workbook(str(path))
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for n, columns in template.items():
        sheet = book.add_worksheet(f"List {n}")
        sheet.write_row(0, 0, [heading for heading, _ in columns])
        for r, row in enumerate(rows[n], start=1):
            for c, (_, field) in enumerate(columns):
                value = row.get(field) if field else None
                if isinstance(value, date):
                    sheet.write_datetime(r, c, datetime(value.year, value.month, value.day), dates)
                elif isinstance(value, str):
                    sheet.write_string(r, c, value)
                elif value is not None:
                    sheet.write_number(r, c, value)
        if n == 1:  # the contact date and the age as formulas with their cached values
            sheet.write_formula(1, 5, "=DATE(2020,1,6)", dates, 43836)
            sheet.write_formula(1, 4, "=ROUNDDOWN((DATE(2020,3,31)-D2)/365.25,0)", None, 7)
        if n == 3:  # a lookup that found nothing: Excel's #N/A as the cached value
            sheet.write_formula(1, 8, "=VLOOKUP(A2,Z:Z,1,FALSE)", None, "#N/A")
    book.close()

    con, issues = _snapshot(path, tmp_path / "home")
    unknown = [(i.sheet, i.column, i.column_letter) for i in issues if i.code == "unknown_column"]
    # Only the LA's own column is named: List 8, after 5 + 27 + 2 columns: the 35th, AI.
    assert unknown == [("List 8", "LA Case Reference", "AI")]
    _check_values_variants(con)


def _check_values_variants(con: duckdb.DuckDBPyConnection) -> None:
    """As `_check_values`, except List 3's 'Number of Referrals in Last 12 Months', whose
    formula gave #N/A: blank, not an error."""
    q = con.execute
    assert (
        set(
            q(
                "SELECT DISTINCT child_id, dob, sex, ethnicity, disability FROM children "
                "WHERE child_id <> 'A1'"
            ).fetchall()
        )
        == EXPECTED_CHILDREN
    )
    assert q(
        "SELECT child_id, uasc FROM children WHERE uasc IS NOT NULL ORDER BY 1"
    ).fetchall() == [("C2", False), ("C4", True)]
    assert (
        q(
            "SELECT s47_id, start_date, icpc_not_required, icpc_date, cp_plan_resulted, "
            "s47_12m, icpc_12m FROM s47_enquiries"
        ).fetchall()
        == EXPECTED_S47
    )
    assert (
        q(
            "SELECT child_id, second_period, placements_12m, missing_12m, absent_12m, "
            "rhi_offered, rhi_accepted, permanence_plan, placement_location, placement_la "
            "FROM cla_summary"
        ).fetchall()
        == EXPECTED_SUMMARY
    )
    assert (
        q(
            "SELECT child_id, visit_date, visit_type, seen_alone FROM visits ORDER BY 1, 2"
        ).fetchall()
        == EXPECTED_VISITS
    )
    assert q("SELECT worker FROM cp_plans").fetchall() == [("Jane Smith",)]
    assert (
        q(
            "SELECT child_id, decom, rne, ls, cin, place, place_provider, dec, rec "
            "FROM cla_episodes"
        ).fetchall()
        == EXPECTED_EPISODE
    )
    assert (
        q(
            "SELECT child_id, decision_date, matched_date, placed_date, "
            "no_longer_placed_date, no_longer_placed_reason, ffa_date FROM adoption "
            "ORDER BY 1"
        ).fetchall()
        == EXPECTED_ADOPTION
    )
    assert q(
        "SELECT child_id, in_touch, activity, accommodation, suitable FROM care_leavers"
    ).fetchall() == [("C2", "YES", "F3", "D", True)]
    assert q(
        "SELECT child_id, referral_date, source_code, nfa, primary_need, referrals_12m "
        "FROM referrals"
    ).fetchall() == [("C1", D(2020, 1, 8), "6", False, "N1", None)]
    assert q("SELECT child_id, contact_date, source_code FROM contacts").fetchall() == [
        ("C1", D(2020, 1, 6), "1A")
    ]
    assert q("SELECT start_date, completion_date FROM early_help").fetchall() == [
        (D(2019, 11, 4), D(2019, 12, 2))
    ]
    assert q(
        "SELECT child_id, placement_order_date FROM adoption WHERE child_id = 'C3'"
    ).fetchall() == [("C3", D(2018, 10, 15))]
