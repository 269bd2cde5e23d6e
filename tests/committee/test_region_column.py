"""The regional pool's median ("Region, quarterly") in the performance papers: a column of
the comparison tables once a pool's table is loaded, with "no data" where the region has no
value; papers read back from DOCX and HTML. Region values here are made up by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from committee_scan import docx_content, html_content

from csc_insight.committee.performance import appendix, performance_report
from csc_insight.reports.render import to_html, write
from csc_insight.store import snapshots

MEETING = date(2020, 2, 10)
HEADER = [
    "Indicator",
    "This period",
    "Previous quarter",
    "Same quarter last year",
    "Year-end forecast",
    "England",
    "London",
    "Region, quarterly",
]
# contacts is a count (not compared: "n/a"); referrals_nfa_pct is in the table with no
# value (no council shown); rereferrals_12m_pct is not in it at all.
REGION_CSV = """indicator_id,period,regional_median,councils_ranked
contacts,2019-20-Q3,40,3
contacts_decided_1wd_pct,2019-20-Q3,62.5,3
contact_conversion_pct,2019-20-Q3,31.4,3
referrals_nfa_pct,2019-20-Q3,,0
"""
EXPECTED = {  # indicator title -> the region's cell
    "Contacts": "n/a",
    "Contacts decided within 1 working day": "62.5%",
    "Contacts converted to referrals": "31.4%",
    "Referrals leading to no further action": "no data",
    "Re-referrals within 12 months": "no data",
}


@pytest.fixture
def region(hand_home: Path, tmp_path: Path) -> Path:
    from csc_insight.benchmarks.store import load

    folder = tmp_path / "pooled"
    folder.mkdir()
    (folder / "region_quarterly_2019-20-Q3.csv").write_text(REGION_CSV, encoding="utf-8")
    load(folder)
    return hand_home


def _contacts_table(tables: list[list[list[str]]]) -> list[list[str]]:
    return next(t for t in tables if t[0][0] == "Indicator" and t[1][0] == "Contacts")


def test_public_and_private_papers_have_the_region_column(region: Path, tmp_path: Path) -> None:
    con = snapshots.connect()
    public = performance_report(con, "2019-20-Q3", MEETING)
    private = appendix(con, "2019-20-Q3", MEETING)
    for paper, name in ((public, "p"), (private, "a")):
        _, docx_tables = docx_content(write(paper, "docx", tmp_path / f"{name}.docx"))
        _, html_tables = html_content(to_html(paper))
        for tables in (docx_tables, html_tables):
            grids = [t for t in tables if t and t[0][0] == "Indicator"]
            assert grids and all(t[0] == HEADER for t in grids)
            cells = {row[0]: row[-1] for row in _contacts_table(tables)[1:]}
            assert {k: cells[k] for k in EXPECTED} == EXPECTED
    # the council's own figures are as without the region: 7 contacts, all decided in time
    _, tables = docx_content(write(public, "docx", tmp_path / "p.docx"))
    rows = {row[0]: row for row in _contacts_table(tables)[1:]}
    assert rows["Contacts"][:2] == ["Contacts", "7"]
    assert rows["Contacts decided within 1 working day"][1] == "100%"
    assert "the region's quarterly median" in public.narrative.summary


def test_without_a_regional_table_there_is_no_region_column(hand_home: Path) -> None:
    paper = performance_report(snapshots.connect(), "2019-20-Q3", MEETING)
    _, tables = html_content(to_html(paper))
    grids = [t for t in tables if t and t[0][0] == "Indicator"]
    assert grids and all(t[0] == HEADER[:-1] for t in grids)
    assert "region" not in paper.narrative.summary
