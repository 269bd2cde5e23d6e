"""Annex A reader: workbook and CSV lists onto the canonical model, and every kind of bad input."""

from __future__ import annotations

import csv
import zipfile
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pytest

from csc_insight.common.report import Issue, Report
from csc_insight.formats import annexa
from csc_insight.store import schema

CHILD = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
D = date


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(tmp_path / "t.duckdb"))
    schema.create(connection)
    return connection


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def _csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return con.execute(sql).fetchall()


def _where(issue: Issue) -> tuple[object, ...]:
    return (
        issue.code,
        issue.file,
        issue.sheet,
        issue.row,
        issue.column,
        issue.column_letter,
        issue.value,
    )


FULL_BOOK = {
    "List 1 - Contacts": [
        [*CHILD, "Date of Contact", "Contact Source"],
        [" c1 ", "a) Male", "a) WBRI", D(2010, 5, 1), 9, D(2020, 1, 2), "a) 1A: Individual"],
        ["C1", "1", "WBRI", D(2010, 5, 1), 9, D(2020, 1, 2), "Police"],
    ],
    "list2": [
        [
            *CHILD,
            "Assessment start date",
            "Assessment completion date",
            "Organisation completing assessment",
        ],
        [
            "C2",
            "Female",
            "White British",
            D(2012, 3, 4),
            7,
            D(2019, 11, 1),
            D(2019, 12, 1),
            "School",
        ],
    ],
    "List 3": [
        [
            *CHILD,
            "Date of referral",
            "Referral Source",
            "Referral NFA?",
            "Number of Referrals in Last 12 Months",
            "Allocated Team",
            "Allocated Worker",
        ],
        [
            "C1",
            "M",
            "WBRI",
            D(2010, 5, 1),
            9,
            D(2020, 1, 3),
            "6 - Police",
            "a) No",
            2,
            "Front Door",
            "W1",
        ],
    ],
    "List 4": [
        [
            *CHILD,
            "Does the Child have a Disability",
            "Continuous Assessment Start Date",
            "Child Seen During Continuous Assessment",
            "Continuous Assessment Date of Authorisation",
            "Was the child assessed as requiring LA children's social care support?",
            "Allocated Team",
            "Allocated Worker",
        ],
        [
            "C1",
            "M",
            "WBRI",
            D(2010, 5, 1),
            9,
            "Yes",
            D(2020, 1, 4),
            "Y",
            D(2020, 2, 20),
            "N",
            "Assessment",
            "W2",
        ],
    ],
    "List 5": [
        [
            *CHILD,
            "Does the Child have a Disability",
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an ICPC deemed unnecessary?",
            "Date of ICPC",
            "Did the ICPC Result in a CP Plan",
            "Number of Section 47 Enquiries in the last 12 months",
            "Number of ICPCs in the last 12 months",
            "Allocated Team",
            "Allocated Worker",
        ],
        [
            "C4",
            "F",
            "APKN",
            D(2015, 1, 1),
            5,
            "No",
            D(2019, 5, 1),
            "No",
            D(2019, 5, 14),
            "Yes",
            1,
            1,
            "CP Team",
            "W3",
        ],
    ],
    "List 6": [
        [
            *CHILD,
            "Does the Child have a Disability",
            "CIN Start Date",
            "Primary Need Code",
            "Date Child Was Last Seen",
            "CIN Closure Date",
            "Reason for Closure",
            "Case Status",
            "Allocated Team",
            "Allocated Worker",
        ],
        [
            "C1",
            "M",
            "WBRI",
            D(2010, 5, 1),
            9,
            "No",
            D(2020, 1, 3),
            "N1 - Abuse or neglect",
            D(2020, 3, 1),
            D(2020, 3, 20),
            "RC8 - Case closed after assessment, no further action",
            "Closed",
            "CIN Team",
            "W4",
        ],
    ],
    "List 7": [
        [
            *CHILD,
            "Does the Child have a Disability",
            "CP Plan Start Date",
            "Initial Category of Abuse",
            "Latest Category of Abuse",
            "Date of the Last Statutory Visit",
            "Was the Child Seen Alone?",
            "Date of latest review conference",
            "CP Plan End Date",
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six "
            "Months (Y/N)",
            "Number of Previous Child Protection Plans",
            "Allocated Team",
            "Allocated Worker",
        ],
        [
            "C4",
            "F",
            "APKN",
            D(2015, 1, 1),
            5,
            "No",
            D(2019, 5, 14),
            "a) NEG",
            "Emotional abuse",
            D(2020, 1, 10),
            "a) Yes",
            D(2019, 10, 1),
            None,
            "N",
            0,
            "CP Team",
            "W3",
        ],
    ],
    "List 8": [
        [
            *CHILD,
            "UASC within the Last 12 Months (Y/N)",
            "Does the Child have a Disability",
            "Date Started to be Looked After",
            "Child's Category of Need",
            "Child's Legal Status",
            "Date of Latest Statutory Review",
            "Date of Last Social Work Visit",
            "Date of Last Health Assessment",
            "Date of Last Dental Check",
            "Date Ceased to be Looked After",
            "Reason Ceased to be Looked After",
            "Start Date of Most Recent Placement",
            "Placement Type",
            "Placement Provider",
            "Placement postcode",
            "URN of Placement",
            "Allocated Team",
            "Allocated Worker",
        ],
        [
            "C5",
            "M",
            "BAFR",
            D(2004, 2, 2),
            15,
            "Yes",
            "No",
            D(2019, 1, 1),
            "N1 - Abuse or neglect",
            "a) C2: Full care order",
            D(2019, 12, 1),
            D(2020, 2, 1),
            D(2019, 9, 9),
            D(2019, 10, 10),
            None,
            None,
            D(2019, 6, 1),
            "U1",
            "PR1",
            "AB1 2CD",
            "SC123456",
            "LAC Team",
            "W5",
        ],
        [
            "C6",
            "F",
            "WBRI",
            D(2008, 8, 8),
            11,
            "N",
            "N",
            D(2019, 7, 1),
            "N4",
            "V2",
            None,
            None,
            None,
            None,
            D(2020, 1, 31),
            "E11",
            D(2019, 7, 1),
            "A3",
            "PR0",
            None,
            None,
            "LAC Team",
            "W5",
        ],
    ],
    "List 9": [
        [
            *CHILD,
            "Does the Child have a Disability",
            "Allocated Team",
            "Allocated Worker",
            "Eligibility Category",
            "LA in Touch",
            "Type of Accommodation",
            "Suitability of Accommodation",
            "Activity Status",
            "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
            "Allocated Personal Advisor",
            "Latest Pathway Plan Review Date",
            "Latest Date of Contact",
        ],
        [
            "C7",
            "M",
            "WBRI",
            D(2001, 1, 1),
            19,
            "N",
            "Leaving Care",
            "W6",
            "b) Former relevant",
            "a) Yes",
            "D - Semi-independent, transitional accommodation",
            "a) Suitable",
            "F2 - Full time in education",
            "N",
            "PA1",
            D(2020, 2, 2),
            D(2020, 3, 3),
        ],
    ],
    "List 10": [
        [
            "Child Unique ID",
            "Family identifier",
            "Gender",
            "Ethnicity",
            "Date of Birth",
            "Age of Child (Years)",
            "Does the Child have a Disability",
            "Date the Child Entered Care",
            "Date of Decision that Child Should be Placed for Adoption",
            "Date of Placement Order",
            "Date of Matching",
            "Date Placed for Adoption",
            "Date of Adoption Order",
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            "Reason for No Longer Placed for Adoption",
            "Date placed for fostering in FFA/concurrent planning placement",
        ],
        [
            "C8",
            "F1",
            "M",
            "WBRI",
            D(2018, 1, 1),
            2,
            "N",
            D(2018, 2, 1),
            D(2018, 8, 1),
            D(2018, 10, 1),
            D(2019, 1, 1),
            D(2019, 2, 1),
            D(2019, 9, 1),
            None,
            None,
            None,
        ],
    ],
    "List 11": [
        [
            "Individual adopter identifier",
            "Family identifier",
            "Gender",
            "Ethnicity",
            "Disability",
            "Date enquiry received",
        ],
        ["A1", "F1", "Female", "WBRI", "N", D(2018, 3, 1)],
    ],
    "Instructions": [["This sheet is ignored."]],
}


def test_workbook_maps_every_list(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _book(tmp_path / "annex_a.xlsx", FULL_BOOK)
    report = Report()
    counts = annexa.read(path, con, report)

    assert report.errors == []
    assert [(w.code, w.sheet) for w in report.warnings] == [("adopters_not_loaded", "List 11")]
    assert report.warnings[0].message.startswith("1 adopter row(s) were read and checked")
    assert {k: v for k, v in counts.items() if v} == {
        "children": 11,
        "contacts": 2,
        "early_help": 1,
        "referrals": 2,
        "assessments": 1,
        "s47_enquiries": 1,
        "visits": 3,
        "cp_plans": 1,
        "cp_reviews": 1,
        "cla_episodes": 2,
        "cla_reviews": 1,
        "health_assessments": 2,
        "care_leavers": 1,
        "pathway_plan_reviews": 1,
        "adoption": 1,
        "cla_summary": 2,
    }
    r = "annex_a.xlsx!"
    assert _rows(
        con,
        "SELECT child_id, dob, sex, ethnicity, disability, uasc, source, "
        "source_ref FROM children ORDER BY child_id, source_ref",
    ) == [
        ("C1", D(2010, 5, 1), "M", "WBRI", None, None, "annex_a", r + "List 1 - Contacts:2"),
        ("C1", D(2010, 5, 1), "M", "WBRI", None, None, "annex_a", r + "List 3:2"),
        ("C1", D(2010, 5, 1), "M", "WBRI", True, None, "annex_a", r + "List 4:2"),
        ("C1", D(2010, 5, 1), "M", "WBRI", False, None, "annex_a", r + "List 6:2"),
        ("C2", D(2012, 3, 4), "F", "WBRI", None, None, "annex_a", r + "list2:2"),
        ("C4", D(2015, 1, 1), "F", "APKN", False, None, "annex_a", r + "List 5:2"),
        ("C4", D(2015, 1, 1), "F", "APKN", False, None, "annex_a", r + "List 7:2"),
        ("C5", D(2004, 2, 2), "M", "BAFR", False, True, "annex_a", r + "List 8:2"),
        ("C6", D(2008, 8, 8), "F", "WBRI", False, False, "annex_a", r + "List 8:3"),
        ("C7", D(2001, 1, 1), "M", "WBRI", False, False, "annex_a", r + "List 9:2"),
        ("C8", D(2018, 1, 1), "M", "WBRI", False, None, "annex_a", r + "List 10:2"),
    ]
    assert _rows(
        con,
        "SELECT contact_id, child_id, contact_date, source_code, source_ref "
        "FROM contacts ORDER BY source_ref",
    ) == [
        ("C1/CONT/2020-01-02", "C1", D(2020, 1, 2), "1A", r + "List 1 - Contacts:2"),
        ("C1/CONT/2020-01-02#2", "C1", D(2020, 1, 2), "6", r + "List 1 - Contacts:3"),
    ]
    assert _rows(
        con,
        "SELECT eh_id, child_id, start_date, completion_date, organisation, "
        "source_ref FROM early_help",
    ) == [
        ("C2/EH/2019-11-01", "C2", D(2019, 11, 1), D(2019, 12, 1), "School", r + "list2:2"),
    ]
    assert _rows(
        con,
        "SELECT referral_id, child_id, referral_date, source_code, nfa, "
        "primary_need, closure_date, closure_reason, referrals_12m, team, worker, "
        "source_ref FROM referrals ORDER BY source_ref",
    ) == [
        (
            "C1/REF/2020-01-03",
            "C1",
            D(2020, 1, 3),
            "6",
            False,
            None,
            None,
            None,
            2,
            "Front Door",
            "W1",
            r + "List 3:2",
        ),
        (
            "C1/REF/2020-01-03",
            "C1",
            D(2020, 1, 3),
            None,
            None,
            "N1",
            D(2020, 3, 20),
            "RC8",
            None,
            "CIN Team",
            "W4",
            r + "List 6:2",
        ),
    ]
    assert _rows(
        con,
        "SELECT assessment_id, child_id, referral_id, start_date, "
        "authorised_date, child_seen, needs_support, team, worker, source_ref "
        "FROM assessments",
    ) == [
        (
            "C1/ASMT/2020-01-04",
            "C1",
            None,
            D(2020, 1, 4),
            D(2020, 2, 20),
            True,
            False,
            "Assessment",
            "W2",
            r + "List 4:2",
        ),
    ]
    assert _rows(
        con,
        "SELECT s47_id, child_id, start_date, icpc_not_required, icpc_date, "
        "cp_plan_resulted, team, worker, source_ref FROM s47_enquiries",
    ) == [
        (
            "C4/S47/2019-05-01",
            "C4",
            D(2019, 5, 1),
            False,
            D(2019, 5, 14),
            True,
            "CP Team",
            "W3",
            r + "List 5:2",
        ),
    ]
    assert _rows(
        con,
        "SELECT cp_plan_id, child_id, start_date, end_date, initial_category, "
        "latest_category, previous_plans, team, worker, source_ref "
        "FROM cp_plans",
    ) == [
        (
            "C4/CPP/2019-05-14",
            "C4",
            D(2019, 5, 14),
            None,
            "NEG",
            "EMO",
            0,
            "CP Team",
            "W3",
            r + "List 7:2",
        ),
    ]
    assert _rows(con, "SELECT cp_plan_id, child_id, review_date, source_ref FROM cp_reviews") == [
        ("C4/CPP/2019-05-14", "C4", D(2019, 10, 1), r + "List 7:2"),
    ]
    assert _rows(
        con,
        "SELECT child_id, visit_date, visit_type, seen_alone, worker, "
        "source_ref FROM visits ORDER BY visit_type",
    ) == [
        ("C1", D(2020, 3, 1), "CIN", None, "W4", r + "List 6:2"),
        ("C5", D(2020, 2, 1), "CLA", None, "W5", r + "List 8:2"),
        ("C4", D(2020, 1, 10), "CP", True, "W3", r + "List 7:2"),
    ]
    assert _rows(
        con,
        "SELECT child_id, decom, rne, ls, cin, place, place_provider, dec, rec, "
        "pl_post, urn, source_ref FROM cla_episodes ORDER BY child_id",
    ) == [
        (
            "C5",
            D(2019, 6, 1),
            "P",
            "C2",
            "N1",
            "U1",
            "PR1",
            None,
            None,
            "AB1 2CD",
            "SC123456",
            r + "List 8:2",
        ),
        (
            "C6",
            D(2019, 7, 1),
            "S",
            "V2",
            "N4",
            "A3",
            "PR0",
            D(2020, 1, 31),
            "E11",
            None,
            None,
            r + "List 8:3",
        ),
    ]
    assert _rows(con, "SELECT child_id, review_date, review_code, source_ref FROM cla_reviews") == [
        ("C5", D(2019, 12, 1), None, r + "List 8:2")
    ]
    assert _rows(
        con,
        "SELECT child_id, assessment_date, kind, source_ref FROM health_assessments ORDER BY kind",
    ) == [
        ("C5", D(2019, 10, 10), "dental", r + "List 8:2"),
        ("C5", D(2019, 9, 9), "health", r + "List 8:2"),
    ]
    assert _rows(
        con,
        "SELECT child_id, year_ending, in_touch, activity, accommodation, "
        "suitable, eligibility, latest_contact, personal_advisor, source_ref "
        "FROM care_leavers",
    ) == [
        (
            "C7",
            None,
            "YES",
            "F2",
            "D",
            True,
            "Former relevant",
            D(2020, 3, 3),
            "PA1",
            r + "List 9:2",
        ),
    ]
    assert _rows(con, "SELECT child_id, review_date, source_ref FROM pathway_plan_reviews") == [
        ("C7", D(2020, 2, 2), r + "List 9:2"),
    ]
    assert _rows(
        con,
        "SELECT child_id, entered_care, decision_date, placement_order_date, "
        "matched_date, placed_date, adoption_order_date, no_longer_placed_date, "
        "no_longer_placed_reason, source_ref FROM adoption",
    ) == [
        (
            "C8",
            D(2018, 2, 1),
            D(2018, 8, 1),
            D(2018, 10, 1),
            D(2019, 1, 1),
            D(2019, 2, 1),
            D(2019, 9, 1),
            None,
            None,
            r + "List 10:2",
        ),
    ]
    temp = _rows(con, "SELECT table_name FROM duckdb_tables() WHERE temporary")
    assert temp == []


def test_csv_list_with_uk_dates(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _csv(
        tmp_path / "annex_a_list_3.csv",
        [
            [
                *CHILD,
                "Date of referral",
                "Referral Source",
                "Referral NFA?",
                "Allocated Team",
                "Allocated Worker",
            ],
            [
                "x9",
                "2",
                "a) WBRI",
                "03/04/2011",
                "8",
                "05/02/2020",
                "a) 2A: Schools",
                "Yes",
                "",
                "W7",
            ],
        ],
    )
    report = Report()
    counts = annexa.read(path, con, report)
    assert report.issues == []
    assert counts == {"children": 1, "referrals": 1}
    assert _rows(
        con,
        "SELECT referral_id, child_id, referral_date, source_code, nfa, team, "
        "worker, source, source_ref FROM referrals",
    ) == [
        (
            "X9/REF/2020-02-05",
            "X9",
            D(2020, 2, 5),
            "2A",
            True,
            None,
            "W7",
            "annex_a",
            "annex_a_list_3.csv:2",
        ),
    ]
    assert _rows(con, "SELECT child_id, dob, sex FROM children") == [("X9", D(2011, 4, 3), "F")]


def test_events_are_staged_in_the_lists_row_order(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """The loader writes a day's events in the order they were staged; the ids made per child
    and day (a window over child and date) must not reorder them, or two loads of one file
    would order a day's contacts differently. Here the rows run from the last child to the
    first, on one day, with a second contact of one child on it."""
    heading = [*CHILD, "Date of Contact", "Contact Source"]
    rows = [
        ["C5", "1", "a) WBRI", "01/01/2010", "9", "01/10/2019", "a) 2A: Schools"],
        ["C4", "1", "a) WBRI", "01/01/2010", "9", "01/10/2019", "a) 2A: Schools"],
        ["C3", "1", "a) WBRI", "01/01/2010", "9", "01/10/2019", "a) 2A: Schools"],
        ["C5", "1", "a) WBRI", "01/01/2010", "9", "01/10/2019", "a) 6: Police"],
        ["C2", "1", "a) WBRI", "01/01/2010", "9", "01/10/2019", "a) 2A: Schools"],
        ["C1", "1", "a) WBRI", "01/01/2010", "9", "01/10/2019", "a) 2A: Schools"],
    ]
    path = _csv(tmp_path / "annex_a_list_1.csv", [heading, *rows])
    report = Report()
    annexa.read(path, con, report)
    assert report.issues == []
    assert _rows(con, "SELECT contact_id, source_ref FROM contacts ORDER BY rowid") == [
        ("C5/CONT/2019-10-01", "annex_a_list_1.csv:2"),
        ("C4/CONT/2019-10-01", "annex_a_list_1.csv:3"),
        ("C3/CONT/2019-10-01", "annex_a_list_1.csv:4"),
        ("C5/CONT/2019-10-01#2", "annex_a_list_1.csv:5"),
        ("C2/CONT/2019-10-01", "annex_a_list_1.csv:6"),
        ("C1/CONT/2019-10-01", "annex_a_list_1.csv:7"),
    ]


def test_csv_list_cleans_na_and_non_breaking_spaces_like_a_workbook(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """A list CSV exported from a workbook keeps its #N/A cells and non-breaking spaces."""
    path = _csv(
        tmp_path / "annex_a_list_3.csv",
        [
            [
                *CHILD,
                "Date of referral",
                "Referral Source",
                "Referral NFA?",
                "Allocated Team",
                "Allocated Worker",
            ],
            [
                "x9\u00a0",
                "2",
                "a) WBRI",
                "03/04/2011",
                "#N/A",
                "\u00a005/02/2020",
                "a) 2A: Schools",
                "Yes",
                "N/A",
                "W7\u00a0\u00a0",
            ],
        ],
    )
    report = Report()
    counts = annexa.read(path, con, report)
    assert report.issues == []
    assert counts == {"children": 1, "referrals": 1}
    assert _rows(con, "SELECT child_id, referral_date, team, worker FROM referrals") == [
        ("X9", D(2020, 2, 5), None, "W7")
    ]


def test_csv_list_blanks_only_whole_na_cells_and_trims_ids_of_tabs(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """Cells that merely start like N/A ('No', 'N/A Team', 'na') keep their values; an id
    typed in lower case with a tab is the child's canonical id; an id of only a tab is no
    id, and its row is set aside."""
    headings = [
        *CHILD,
        "Date of referral",
        "Referral Source",
        "Referral NFA?",
        "Allocated Team",
        "Allocated Worker",
    ]
    referral = ["2", "a) WBRI", "03/04/2011", "8", "05/02/2020", "a) 2A: Schools"]
    path = _csv(
        tmp_path / "annex_a_list_3.csv",
        [
            headings,
            ["\tcl07 ", *referral, "No", "N/A Team", "#N/A"],
            ["x8", *referral, "#N/A", "na", "NA"],
            ["\t", *referral, "No", "", ""],
        ],
    )
    report = Report(quarantine=True)
    counts = annexa.read(path, con, report)
    assert counts == {"children": 2, "referrals": 2}
    assert _rows(con, "SELECT child_id, nfa, team, worker FROM referrals ORDER BY 1") == [
        ("CL07", False, "N/A Team", None),
        ("X8", None, "na", None),
    ]
    assert [(i.row, i.column, i.message) for i in report.issues] == [
        (4, "Child Unique ID", "'Child Unique ID' should be a child identifier.")
    ]
    assert _rows(con, "SELECT row_number, scope FROM quarantine") == [(4, "row")]


def test_list_number_from_sheet_names() -> None:
    assert annexa.list_number("List 1") == 1
    assert annexa.list_number("list1") == 1
    assert annexa.list_number("  LIST 1 - Contacts") == 1
    assert annexa.list_number("List 10") == 10
    assert annexa.list_number("List 11 Adopters") == 11
    assert annexa.list_number("List 12") is None
    assert annexa.list_number("Lists") is None
    assert annexa.list_number("Instructions") is None


def test_detect(tmp_path: Path) -> None:
    named = _csv(tmp_path / "Annex_A_List_7.csv", [["anything"]])
    by_headings = _csv(
        tmp_path / "contacts_export.csv", [[*CHILD, "Date of Contact", "Contact Source"]]
    )
    other = _csv(tmp_path / "episodes.csv", [["CHILD", "DECOM", "RNE"]])
    xml = tmp_path / "cin.xml"
    xml.write_text("<Message/>")
    assert annexa.detect(named) is True
    assert annexa.detect(by_headings) is True
    assert annexa.detect(other) is False
    assert annexa.detect(xml) is False
    assert annexa.detect(tmp_path / "anything.xlsx") is True


def test_csv_named_by_headings_is_read_as_that_list(
    tmp_path: Path,
    con: duckdb.DuckDBPyConnection,
) -> None:
    path = _csv(
        tmp_path / "export.csv",
        [
            [*CHILD, "Date of Contact", "Contact Source"],
            ["A1", "M", "WBRI", "", "", "01/02/2020", "1A"],
        ],
    )
    report = Report()
    assert annexa.read(path, con, report) == {"children": 1, "contacts": 1}
    assert report.issues == []


def test_missing_required_column(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _book(
        tmp_path / "annex_a.xlsx",
        {"List 3": [[*CHILD, "Referral Source"], ["C1", "M", "WBRI", None, None, "1A"]]},
    )
    report = Report()
    assert annexa.read(path, con, report) == {}
    assert [_where(i) for i in report.errors] == [
        ("missing_column", "annex_a.xlsx", "List 3", 1, "Date of referral", None, None)
    ]


def test_bad_date_unknown_code_and_bad_flag(
    tmp_path: Path,
    con: duckdb.DuckDBPyConnection,
) -> None:
    path = _book(
        tmp_path / "annex_a.xlsx",
        {
            "List 3": [
                [*CHILD, "Date of referral", "Referral Source", "Referral NFA?"],
                ["C1", "M", "WBRI", None, None, "31/02/2020", "1A", "N"],
                ["C2", "M", "XXXX", None, None, "01/02/2020", "Z9", "Perhaps"],
            ]
        },
    )
    report = Report()
    annexa.read(path, con, report)
    assert [_where(i) for i in report.errors] == [
        ("unknown_code", "annex_a.xlsx", "List 3", 3, "Ethnicity", "C", "XXXX"),
        ("bad_date", "annex_a.xlsx", "List 3", 2, "Date of referral", "F", "31/02/2020"),
        ("unknown_code", "annex_a.xlsx", "List 3", 3, "Referral Source", "G", "Z9"),
        ("bad_value", "annex_a.xlsx", "List 3", 3, "Referral NFA?", "H", "Perhaps"),
    ]
    assert report.errors[1].message == (
        "31/02/2020: there is no 31 February 2020. 'Date of referral' should be a date "
        "(dd/mm/yyyy, yyyy-mm-dd or an Excel date)."
    )


def test_duplicate_child_in_list_8_ignores_case(
    tmp_path: Path,
    con: duckdb.DuckDBPyConnection,
) -> None:
    head = [*CHILD, "Date Started to be Looked After"]
    path = _book(
        tmp_path / "annex_a.xlsx",
        {
            "List 8": [
                head,
                ["ab1", "M", "WBRI", None, None, "01/01/2020"],
                [" AB1 ", "M", "WBRI", None, None, "01/03/2020"],
            ]
        },
    )
    report = Report()
    annexa.read(path, con, report)
    assert [_where(i) for i in report.errors] == [
        ("duplicate_key", "annex_a.xlsx", "List 8", 3, "Child Unique ID", "A", "AB1")
    ]


def test_end_before_start(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _book(
        tmp_path / "annex_a.xlsx",
        {
            "List 7": [
                [*CHILD, "CP Plan Start Date", "CP Plan End Date"],
                ["C1", "F", "WBRI", None, None, "01/06/2020", "01/05/2020"],
            ]
        },
    )
    report = Report()
    annexa.read(path, con, report)
    assert [_where(i) for i in report.errors] == [
        ("end_before_start", "annex_a.xlsx", "List 7", 2, "CP Plan End Date", "G", "2020-05-01")
    ]


def test_closure_without_reason(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _book(
        tmp_path / "annex_a.xlsx",
        {
            "List 6": [
                [*CHILD, "CIN Start Date", "CIN Closure Date", "Reason for Closure"],
                ["C1", "F", "WBRI", None, None, "01/06/2020", "01/07/2020", None],
            ]
        },
    )
    report = Report()
    annexa.read(path, con, report)
    assert [_where(i) for i in report.errors] == [
        ("missing_value", "annex_a.xlsx", "List 6", 2, "Reason for Closure", "H", None)
    ]


def test_empty_csv_and_wrong_encoding(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    empty = tmp_path / "annex_a_list_1.csv"
    empty.write_bytes(b"")
    latin = tmp_path / "annex_a_list_2.csv"
    latin.write_bytes(
        "Child Unique ID,Organisation completing assessment\r\nC1,Caf\xe9\r\n".encode("cp1252")
    )
    report = Report()
    assert annexa.read(empty, con, report) == {}
    assert annexa.read(latin, con, report) == {}
    assert [(i.code, i.file, i.row) for i in report.errors] == [
        ("empty_file", "annex_a_list_1.csv", None),
        ("encoding", "annex_a_list_2.csv", 2),
    ]


def test_sheet_with_headings_but_no_rows_is_a_warning(
    tmp_path: Path,
    con: duckdb.DuckDBPyConnection,
) -> None:
    path = _book(
        tmp_path / "annex_a.xlsx",
        {
            "List 1": [[*CHILD, "Date of Contact", "Contact Source"]],
            "List 2": [],
        },
    )
    report = Report()
    assert annexa.read(path, con, report) == {"children": 0, "contacts": 0}
    assert report.errors == []
    assert [(i.code, i.sheet) for i in report.warnings] == [
        ("no_rows", "List 1"),
        ("empty_sheet", "List 2"),
    ]


def test_headings_below_a_title_keep_excel_row_numbers(
    tmp_path: Path,
    con: duckdb.DuckDBPyConnection,
) -> None:
    path = _book(
        tmp_path / "annex_a.xlsx",
        {
            "List 1": [
                ["Annex A - List 1: Contacts"],
                [],
                [*CHILD, "Date of Contact", "Contact Source"],
                ["C1", "M", "WBRI", None, None, "01/02/2020", "1A"],
                ["C2", "M", "WBRI", None, None, "not a date", "1A"],
            ]
        },
    )
    report = Report()
    annexa.read(path, con, report)
    assert [(i.code, i.row, i.column_letter) for i in report.errors] == [("bad_date", 5, "F")]
    assert _rows(con, "SELECT source_ref FROM contacts") == [("annex_a.xlsx!List 1:4",)]


def test_workbook_without_list_sheets(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _book(tmp_path / "budget.xlsx", {"Sheet1": [["Cost centre", "Amount"]]})
    report = Report()
    assert annexa.read(path, con, report) == {}
    assert [(i.code, i.file) for i in report.errors] == [("not_annex_a", "budget.xlsx")]


def test_two_sheets_for_one_list(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    head = [[*CHILD, "Date of Contact"]]
    path = _book(tmp_path / "annex_a.xlsx", {"List 1": head, "list1 (2)": head})
    report = Report()
    annexa.read(path, con, report)
    assert [(i.code, i.sheet) for i in report.errors] == [("duplicate_sheet", "list1 (2)")]


def test_list_11_is_checked_but_not_loaded(
    tmp_path: Path,
    con: duckdb.DuckDBPyConnection,
) -> None:
    path = _book(
        tmp_path / "annex_a.xlsx",
        {
            "List 11": [
                ["Individual adopter identifier", "Date Stage 1 started", "Date Stage 1 ended"],
                ["A1", "01/03/2020", "01/02/2020"],
                ["A1", "01/03/2020", None],
            ]
        },
    )
    report = Report()
    assert annexa.read(path, con, report) == {}
    assert [_where(i) for i in report.errors] == [
        ("end_before_start", "annex_a.xlsx", "List 11", 2, "Date Stage 1 ended", "C", "2020-02-01")
    ]  # so row 3 is no longer a duplicate of a row kept
    assert report.warnings[0].message.startswith("2 adopter row(s) were read")


def test_hostile_workbooks_are_refused(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    bomb = tmp_path / "annex_a_bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            for _ in range(64):  # 64 MiB of zeros
                part.write(b"0" * (1 << 20))
    png = tmp_path / "annex_a.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    truncated = _book(tmp_path / "annex_a_cut.xlsx", FULL_BOOK)
    data = truncated.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    report = Report()
    for path in (bomb, png, truncated):
        assert annexa.read(path, con, report) == {}
    assert [(i.code, i.file) for i in report.errors] == [
        ("xlsx_bomb", "annex_a_bomb.xlsx"),
        ("not_xlsx", "annex_a.xlsx"),
        ("damaged_xlsx", "annex_a_cut.xlsx"),
    ]
    assert _rows(con, "SELECT count(*) FROM children") == [(0,)]


def test_headings_match_by_letters_and_typos_never_confuse_two_columns() -> None:
    """Spacing, case, quotes, '(Y/N)' and '?' do not matter; a one-letter typo finds its
    column; 'Missing' and 'Absent' (six letters apart) are never taken for each other, and a
    heading near no column stays as written so that it is reported."""
    from csc_insight.formats.annexa_columns import LIST_8, canonical_headings

    got = canonical_headings(
        [
            "number of episodes the child has been \u201cABSENT\u201d from their placement in "
            "the last 12 months",
            "Number of Episodes \u2018Missing\u2019 in the last 12 months ",
            "Was the child offered a Return Interview after their last missing episode",
            "Date of Last Dentel Check",  # typo
            "Placement Postcode (full)",  # an LA's own column
        ],
        LIST_8.columns,
    )
    assert got == [
        "Number of Episodes 'Absent' in the last 12 months",
        "Number of Episodes 'Missing' in the last 12 months",
        "Was the child offered a Return Interview after the last missing episode (Y/N)?",
        "Date of Last Dental Check",
        "Placement Postcode (full)",
    ]


@pytest.mark.parametrize(
    ("raw", "sex"),
    [
        ("a) Male", "M"),
        ("1", "M"),
        ("M", "M"),
        ("Male", "M"),
        ("1 - Male", "M"),
        ("b) Female", "F"),
        ("2", "F"),
        ("Female", "F"),
        ("c) Not stated/recorded", "U"),
        ("0", "U"),
        ("9", "U"),
        ("U", "U"),
        ("Unborn", "U"),
        ("Not known", "U"),
        ("Not Stated / Recorded", "U"),
        ("c) Not stated/recorded (or unborn)", "U"),
        ("0 - Not known", "U"),
    ],
)
def test_gender_synonyms_real_files_use(raw: str, sex: str) -> None:
    from csc_insight.formats.codes import parse_sex

    assert parse_sex(raw) == sex


def test_csv_list_with_ofsted_long_headings_and_a_typo(
    tmp_path: Path,
    con: duckdb.DuckDBPyConnection,
) -> None:
    """A List 5 CSV (the form for long lists) under the long 2019-20 headings, one of them
    mistyped ('Conferance') and one with a trailing space, recognised by its headings
    although the file name says nothing: every value reaches the canonical row."""
    path = _csv(
        tmp_path / "s47_extract.csv",
        [
            [
                *CHILD,
                "Does the Child have a Disability",
                "Strategy discussion initiating Section 47 Enquiry Start Date",
                "Was an Initial Child Protection Conferance deemed unnecessary?",
                "Date of Initial Child Protection Conference ",
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                "Number of Section 47 Enquiries in the last 12 months",
                "Number of ICPCs in the last 12 months",
                "Allocated Team",
                "Allocated Worker",
            ],
            [
                "k1",
                "c) Not stated/recorded",
                "a) WBRI",
                "03/04/2019",
                "0",
                "b) No",
                "10/01/2020",
                "b) No",
                "30/01/2020",
                "a) Yes",
                "2",
                "1",
                "CP Team",
                "W1",
            ],
        ],
    )
    report = Report()
    counts = annexa.read(path, con, report)
    assert report.issues == []
    assert counts == {"children": 1, "s47_enquiries": 1}
    assert _rows(
        con,
        "SELECT s47_id, start_date, icpc_not_required, icpc_date, "
        "cp_plan_resulted, s47_12m, icpc_12m, source_ref FROM s47_enquiries",
    ) == [
        (
            "K1/S47/2020-01-10",
            D(2020, 1, 10),
            False,
            D(2020, 1, 30),
            True,
            2,
            1,
            "s47_extract.csv:2",
        ),
    ]
    assert _rows(con, "SELECT child_id, sex FROM children") == [("K1", "U")]
