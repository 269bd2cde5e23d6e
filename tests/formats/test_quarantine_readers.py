"""Quarantine through every reader, built by hand: a bad value in a required column sets the
row aside; in an optional column only the cell is blanked and the row loads; both are kept
with their raw values. Annex A and the CIN census here (SSDA903 and local extras:
tests/store/test_loader.py, tests/web/test_data.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from csc_insight.store import loader, snapshots

CHILD = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(home))
    return home


def test_annex_a_row_and_cell(base: Path, tmp_path: Path) -> None:
    """List 3: row 2 good; row 3's Date of referral (required, column F) is 31 February: the
    row is set aside; row 4's Referral Source (optional, column G) is Z9: the referral loads
    with no source and the cell is kept aside."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "List 3"
    for row in (
        [*CHILD, "Date of referral", "Referral Source"],
        ["C1", "a) Male", "a) WBRI", "01/02/2010", 9, "05/01/2020", "1A"],
        ["C2", "a) Male", "a) WBRI", "01/02/2011", 8, "31/02/2020", "1A"],
        ["C3", "b) Female", "a) WBRI", "01/02/2012", 7, "07/01/2020", "Z9"],
    ):
        ws.append(row)
    path = tmp_path / "annex_a.xlsx"
    wb.save(path)
    result = loader.load([path])
    assert result.snapshot is not None, result.report.issues
    assert [
        (i.code, i.sheet, i.row, i.column_letter, i.value) for i in result.report.quarantined
    ] == [("bad_date", "List 3", 3, "F", "31/02/2020"), ("unknown_code", "List 3", 4, "G", "Z9")]
    assert result.report.quarantined[1].message.endswith(
        "The cell was left blank; the rest of the row was loaded."
    )
    con = snapshots.connect()
    assert con.execute(
        "SELECT child_id, referral_date, source_code FROM referrals ORDER BY 1"
    ).fetchall() == [("C1", date(2020, 1, 5), "1A"), ("C3", date(2020, 1, 7), None)]
    assert con.execute(
        "SELECT sheet, row_number, scope, target, event_date, "
        "raw->>'$.\"Referral Source\"' FROM quarantine ORDER BY row_number"
    ).fetchall() == [
        ("List 3", 3, "row", "referrals", None, "1A"),
        ("List 3", 4, "cell", "referrals", date(2020, 1, 7), "Z9"),
    ]
    assert result.snapshot.manifest["quarantined"] == {
        "rows": 1,
        "cells": 1,
        "by_table": {"referrals": 1},
    }


def test_cin_census_cell(base: Path, tmp_path: Path) -> None:
    """C1's CINdetails (line 16) has ReferralSource 11Z (optional element): the referral
    loads with no source; the cell is quarantined."""
    path = tmp_path / "cin_census_2020.xml"
    path.write_text(
        "<?xml version='1.0' encoding='utf-8'?>\n<Message>\n<Header>\n<CollectionDetails>\n"
        "<Collection>CIN</Collection>\n<Year>2020</Year>\n"
        "<ReferenceDate>2020-03-31</ReferenceDate>\n</CollectionDetails>\n</Header>\n"
        "<Children>\n<Child>\n<ChildIdentifiers>\n<LAchildID>C1</LAchildID>\n"
        "<PersonBirthDate>2015-01-01</PersonBirthDate>\n</ChildIdentifiers>\n"
        "<CINdetails>\n<CINreferralDate>2019-06-01</CINreferralDate>\n"
        "<ReferralSource>11Z</ReferralSource>\n</CINdetails>\n"
        "</Child>\n</Children>\n</Message>\n",
        encoding="utf-8",
    )
    result = loader.load([path])
    assert result.snapshot is not None, result.report.issues
    assert [(i.code, i.row, i.column, i.value) for i in result.report.quarantined] == [
        ("unknown_code", 16, "ReferralSource", "11Z")
    ]
    con = snapshots.connect()
    assert con.execute("SELECT child_id, referral_date, source_code FROM referrals").fetchall() == [
        ("C1", date(2019, 6, 1), None)
    ]
    assert con.execute(
        "SELECT scope, target, child_id, event_date, value FROM quarantine"
    ).fetchall() == [("cell", "referrals", "C1", date(2019, 6, 1), "11Z")]
    # the raw values kept are text, the element's place in the document (staged as a number
    # for the joins) too
    assert con.execute(
        "SELECT json_type(raw->'$.element'), raw->>'$.element', json_type(raw->'$.ReferralSource') "
        "FROM quarantine"
    ).fetchall() == [("VARCHAR", "2", "VARCHAR")]
