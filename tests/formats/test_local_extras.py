"""Local extras reader: each of the ten files maps to its canonical table."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.common.report import Report
from csc_insight.formats import local_extras
from csc_insight.store import schema


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    schema.create(con)
    return con


def _read(con: duckdb.DuckDBPyConnection, path: Path) -> tuple[Report, dict[str, int]]:
    report = Report()
    return report, local_extras.read(path, con, report)


def _errors(report: Report) -> list[tuple]:
    return [(i.code, i.file, i.row, i.column, i.column_letter, i.value) for i in report.errors]


def test_children_and_contacts(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    kids = _write(
        tmp_path / "children.csv",
        [
            ["child", "dob", "sex", "ethnicity", "disability", "uasc"],
            ["k1", "01/02/2012", "F", "WBRI", "Y", "N"],
        ],
    )
    contacts = _write(
        tmp_path / "contacts.csv",
        [
            ["CONTACT_ID", "CHILD", "CONTACT_DATE", "SOURCE", "DECISION_DATE", "OUTCOME"],
            ["", "K1", "03/03/2020", "6", "04/03/2020", "Referral"],
            ["", "K1", "03/03/2020", "2A", "", "nfa"],
            ["X9", "k2", "2020-03-05", "", "", ""],
        ],
    )
    report, written = _read(con, kids)
    assert written == {"children": 1}
    report, written = _read(con, contacts)
    assert report.issues == []
    assert written == {"contacts": 3}
    assert con.execute("SELECT * FROM contacts ORDER BY source_ref").fetchall() == [
        (
            "K1/CONT/2020-03-03",
            "K1",
            date(2020, 3, 3),
            "6",
            date(2020, 3, 4),
            "referral",
            "local",
            "contacts.csv:2",
        ),
        (
            "K1/CONT/2020-03-03#2",
            "K1",
            date(2020, 3, 3),
            "2A",
            None,
            "nfa",
            "local",
            "contacts.csv:3",
        ),
        ("X9", "K2", date(2020, 3, 5), None, None, None, "local", "contacts.csv:4"),
    ]
    assert con.execute(
        "SELECT child_id, dob, sex, ethnicity, disability, uasc, source_ref "
        "FROM children ORDER BY source_ref"
    ).fetchall() == [("K1", date(2012, 2, 1), "F", "WBRI", True, False, "children.csv:2")]


def test_early_help_missing_and_visits(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    eh = _write(
        tmp_path / "early_help.csv",
        [
            [
                "EH_ID",
                "CHILD",
                "REFERRAL_DATE",
                "START_DATE",
                "COMPLETION_DATE",
                "ORGANISATION",
                "CLOSURE_DATE",
                "CLOSURE_REASON",
                "GOAL_START",
                "GOAL_REVIEW",
                "GOAL_END",
                "SHORT_BREAK",
            ],
            [
                "",
                "E1",
                "01/01/2020",
                "10/01/2020",
                "20/01/2020",
                "School",
                "",
                "",
                "3.5",
                "6",
                "",
                "N",
            ],
            ["", "E2", "", "", "", "", "", "", "11", "", "", ""],
        ],
    )
    report, written = _read(con, eh)
    # Row 3 is set aside for its goal score; nothing more is said about it.
    assert _errors(report) == [("bad_value", "early_help.csv", 3, "GOAL_START", "I", "11")]
    assert con.execute(
        "SELECT eh_id, child_id, start_date, completion_date, organisation, "
        "goal_score_start, goal_score_review, goal_score_end, short_break "
        "FROM early_help"
    ).fetchall() == [
        (
            "E1/EH/2020-01-10",
            "E1",
            date(2020, 1, 10),
            date(2020, 1, 20),
            "School",
            3.5,
            6.0,
            None,
            False,
        )
    ]
    missing = _write(
        tmp_path / "missing.csv",
        [
            ["CHILD", "MISSING", "MIS_START", "MIS_END", "RHI_OFFERED", "RHI_ACCEPTED", "RHI_DATE"],
            ["M1", "M", "01/03/2020", "02/03/2020", "Y", "Y", "04/03/2020"],
            ["M1", "M", "01/03/2020", "", "", "", ""],
        ],
    )
    report, written = _read(con, missing)
    assert _errors(report) == [("duplicate_key", "missing.csv", 3, "CHILD", "A", "M1 / 2020-03-01")]
    assert con.execute("SELECT * FROM missing_episodes ORDER BY source_ref").fetchall() == [
        (
            "M1",
            "M",
            date(2020, 3, 1),
            date(2020, 3, 2),
            True,
            True,
            date(2020, 3, 4),
            "local",
            "missing.csv:2",
        )
    ]  # row 3, the duplicate, is quarantined
    visits = _write(
        tmp_path / "visits_2020.csv",
        [
            ["CHILD", "VISIT_DATE", "VISIT_TYPE", "SEEN_ALONE", "WORKER"],
            ["V1", "05/05/2020", "cp", "Y", "W1"],
            ["V1", "06/05/2020", "LAC", "", ""],
        ],
    )
    report, written = _read(con, visits)
    assert _errors(report) == [("unknown_code", "visits_2020.csv", 3, "VISIT_TYPE", "C", "LAC")]
    assert con.execute(
        "SELECT child_id, visit_date, visit_type, seen_alone, worker FROM visits"
    ).fetchall() == [("V1", date(2020, 5, 5), "CP", True, "W1")]


def test_reference_and_register_files(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    files = {
        "health.csv": [["CHILD", "ASSESSMENT_DATE", "KIND"], ["H1", "01/01/2020", "Dental"]],
        "pathway_plans.csv": [["CHILD", "REVIEW_DATE"], ["P1", "02/02/2020"]],
        "allocations.csv": [
            ["CHILD", "WORKER", "TEAM", "START_DATE", "END_DATE"],
            ["A1", "W1", "T1", "01/01/2020", "31/12/2019"],
        ],
        "workers.csv": [
            ["WORKER", "NAME", "TEAM", "ROLE", "FTE"],
            ["W1", "Sam Smith", "T1", "social worker", "0.8"],
        ],
        "population.csv": [
            ["YEAR", "AGE_FROM", "AGE_TO", "POPULATION"],
            ["2019", "0", "17", "1234"],
        ],
    }
    report = Report()
    written = {
        n: local_extras.read(_write(tmp_path / n, rows), con, report) for n, rows in files.items()
    }
    assert _errors(report) == [
        ("end_before_start", "allocations.csv", 2, "END_DATE", "E", "2019-12-31")
    ]
    assert written["workers.csv"] == {"workers": 1}
    assert written["population.csv"] == {"population": 1}
    assert con.execute("SELECT * FROM health_assessments").fetchall() == [
        ("H1", date(2020, 1, 1), "dental", "local", "health.csv:2")
    ]
    assert con.execute("SELECT * FROM pathway_plan_reviews").fetchall() == [
        ("P1", date(2020, 2, 2), "local", "pathway_plans.csv:2")
    ]
    assert con.execute("SELECT * FROM allocations").fetchall() == []  # quarantined
    assert con.execute("SELECT * FROM workers").fetchall() == [
        ("W1", "Sam Smith", "T1", "social worker", 0.8, "local", "workers.csv:2")
    ]
    assert con.execute("SELECT * FROM population").fetchall() == [
        (2019, 0, 17, 1234, "local", "population.csv:2")
    ]


def test_missing_column_unknown_file_and_bad_bytes(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    report, _ = _read(con, _write(tmp_path / "visits.csv", [["CHILD", "VISIT_DATE", "WORKER"]]))
    assert [(i.code, i.column) for i in report.errors] == [
        ("missing_column", "VISIT_TYPE"),
        ("missing_column", "SEEN_ALONE"),
    ]
    report, _ = _read(con, _write(tmp_path / "stuff.csv", [["A", "B"], ["1", "2"]]))
    assert [i.code for i in report.issues] == ["unknown_table"]
    png = tmp_path / "children.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    report, written = _read(con, png)
    assert written == {} and [i.code for i in report.issues] == ["not_csv"]


def test_detect(tmp_path: Path) -> None:
    assert local_extras.detect(_write(tmp_path / "x.csv", [["CHILD", "REVIEW_DATE"]]))
    assert local_extras.detect(
        _write(tmp_path / "visits.csv", [["CHILD", "VISIT_DATE", "VISIT_TYPE"]])
    )
    assert not local_extras.detect(_write(tmp_path / "y.csv", [["CHILD", "DECOM"]]))


def test_early_help_referral_source_and_outcome(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """The two columns added for referrals to early help: codes checked like the contacts'
    (1A-10; early_help / referral / advice / nfa, any case); a file without them (above)
    still loads, with both not recorded."""
    eh = _write(
        tmp_path / "early_help.csv",
        [
            [
                "EH_ID",
                "CHILD",
                "REFERRAL_DATE",
                "START_DATE",
                "COMPLETION_DATE",
                "ORGANISATION",
                "CLOSURE_DATE",
                "CLOSURE_REASON",
                "GOAL_START",
                "GOAL_REVIEW",
                "GOAL_END",
                "SHORT_BREAK",
                "REFERRAL_SOURCE",
                "REFERRAL_OUTCOME",
            ],
            [
                "EH1",
                "E1",
                "02/03/2020",
                "",
                "",
                "",
                "02/03/2020",
                "stepped_up",
                "",
                "",
                "",
                "",
                "2A",
                "Referral",
            ],
            ["EH2", "E2", "03/03/2020", "09/03/2020", "", "", "", "", "", "", "", "", "", ""],
            ["EH3", "E3", "04/03/2020", "", "", "", "", "", "", "", "", "", "11", "passed on"],
        ],
    )
    report, written = _read(con, eh)
    assert _errors(report) == [
        ("unknown_code", "early_help.csv", 4, "REFERRAL_SOURCE", "M", "11"),
        ("unknown_code", "early_help.csv", 4, "REFERRAL_OUTCOME", "N", "passed on"),
    ]
    assert con.execute(
        "SELECT eh_id, referral_date, referral_source, referral_outcome "
        "FROM early_help ORDER BY eh_id"
    ).fetchall() == [
        ("EH1", date(2020, 3, 2), "2A", "referral"),
        ("EH2", date(2020, 3, 3), None, None),
        ("EH3", date(2020, 3, 4), None, None),
    ]
    assert local_extras.detect(eh)


def test_short_breaks(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    """short_breaks.csv, as docs/local_extras.md shows it: a child with two services is two
    rows; each row's problem is reported with its row and column."""
    path = _write(
        tmp_path / "short_breaks.csv",
        [
            [
                "CHILD",
                "DISABILITY",
                "SERVICE",
                "START_DATE",
                "END_DATE",
                "HOURS_PER_WEEK",
                "NIGHTS_PER_YEAR",
            ],
            ["s1", "AUT", "activity", "01/09/2019", "", "3", ""],
            ["S1", "AUT", "Overnight", "01/11/2019", "28/02/2020", "", "24"],
            ["S2", "LD", "respite", "01/10/2019", "", "", ""],
            ["S3", "", "day", "01/10/2019", "30/09/2019", "-2", ""],
            ["S1", "AUT", "activity", "01/09/2019", "", "", ""],
            ["S4", "MOB", "home", "", "", "4", ""],
            ["S5", "AUT", "day", "01/10/2019", "30/09/2019", "", ""],
        ],
    )
    assert local_extras.detect(path)
    report, written = _read(con, path)
    assert _errors(report) == [
        ("unknown_code", "short_breaks.csv", 4, "SERVICE", "C", "respite"),
        ("bad_value", "short_breaks.csv", 5, "HOURS_PER_WEEK", "F", "-2"),
        ("missing_value", "short_breaks.csv", 7, "START_DATE", "D", None),
        ("end_before_start", "short_breaks.csv", 8, "END_DATE", "E", "2019-09-30"),
        ("duplicate_key", "short_breaks.csv", 6, "CHILD", "A", "S1 / activity / 2019-09-01"),
    ]
    # A row set aside for one problem (row 5's hours) is not reported again for another.
    assert written == {"short_breaks": 2}  # rows 2 and 3; the others are set aside
    assert con.execute("SELECT * FROM short_breaks ORDER BY source_ref LIMIT 2").fetchall() == [
        ("S1", "AUT", "activity", date(2019, 9, 1), None, 3.0, None, "local", "short_breaks.csv:2"),
        (
            "S1",
            "AUT",
            "overnight",
            date(2019, 11, 1),
            date(2020, 2, 28),
            None,
            24.0,
            "local",
            "short_breaks.csv:3",
        ),
    ]
