"""No data reads "no data" everywhere a figure is shown (dashboards, RAG, forecast, the
committee papers, plan links), and a period that names no real period is a 404 on every
page that takes one, Member pages included.

Snapshot (hand-built; Q3 2019-20 = 1 Oct - 31 Dec 2019):
    contacts K1 2 Apr 2019, K2 5 Nov 2019, K3 30 Dec 2019: the data run from 2 Apr 2019 to
        30 Dec 2019, so Q3 2019-20 (within a week of its end) is the default period.
    assessments A1 authorised 10 May 2019, child seen; A2 4 Nov 2019 and A3 2 Dec 2019,
        child seen not recorded.
Worked by hand, "Assessments in which the child was seen", Q3 2019-20: two assessments,
neither answer recorded -> no data ("not recorded in the period"), not rated, no forecast
(although the year to date holds A1: the quarter itself has no figure). The old code showed
0.0% (0 / 2), Red, forecast 50.0%. Q2 has no assessments: no data ("no records in the
period"); Q3 2018-19 lies before the data: no data. DfE publish no figure for it: "Not
published". Its target (100, local standard) is unchanged.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import lxml.html
import pytest
from django.urls import reverse

from csc_insight.committee import figures as paper_figures
from csc_insight.committee.performance import appendix, performance_report
from csc_insight.common.calendar import build_calendar
from csc_insight.indicators import compute
from csc_insight.plans.indicator_value import current_values
from csc_insight.reports.render import to_html, write
from csc_insight.store import schema, snapshots
from csc_insight.web.dashboard import figures
from csc_insight.web.dashboard.views import AREA_SLUGS

from .pages import check_page

SNAPSHOT = "20200105T090000Z-nodata"
SEEN = "assessments_child_seen_pct"
TITLE = "Assessments in which the child was seen"
ROWS = {
    "snapshot_meta (key, value)": [f"('id', '{SNAPSHOT}')"],
    "contacts (contact_id, child_id, contact_date, source)": [
        "('K1', 'C1', DATE '2019-04-02', 'x')",
        "('K2', 'C2', DATE '2019-11-05', 'x')",
        "('K3', 'C3', DATE '2019-12-30', 'x')",
    ],
    "assessments (assessment_id, child_id, start_date, authorised_date, child_seen, source)": [
        "('A1', 'C1', DATE '2019-04-03', DATE '2019-05-10', TRUE, 'x')",
        "('A2', 'C2', DATE '2019-10-01', DATE '2019-11-04', NULL, 'x')",
        "('A3', 'C3', DATE '2019-10-02', DATE '2019-12-02', NULL, 'x')",
    ],
}
IMPOSSIBLE = ["2019-20-Q5", "2019-21", "asat:2019-02-30", "9999-00-Q1", "asat:9999-12-31"]


def _publish(base: Path) -> str:
    folder = snapshots.snapshot_dir(base)
    con = duckdb.connect(str(folder / f"{SNAPSHOT}.duckdb"))
    schema.create(con)
    build_calendar(con, date(2017, 1, 1), date(2021, 12, 31))
    for target, values in ROWS.items():
        table, _, columns = target.partition(" ")
        con.execute(f"INSERT INTO {table} {columns} VALUES " + ", ".join(values))
    con.close()
    manifest = {
        "created_at": "2020-01-05T09:00:00Z",
        "created_by": "u-analyst",
        "files": [],
        "rows": {},
    }
    (folder / f"{SNAPSHOT}.json").write_text(json.dumps(manifest), encoding="utf-8")
    snapshots.publish(SNAPSHOT, base)
    figures.clear_cache()
    return SNAPSHOT


@pytest.fixture
def nodata(home: Path) -> str:
    return _publish(home)


def _get(client, url: str) -> lxml.html.HtmlElement:
    response = client.get(url)
    assert response.status_code == 200, url
    return check_page(response.content)


def _text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.django_db
def test_overview_row_says_no_data_and_rates_nothing(clients, nodata) -> None:
    doc = _get(clients["member"], reverse("dashboard:overview"))
    cells = [_text(c) for c in doc.xpath(f"//tr[@id='row-{SEEN}']/*")]
    assert cells[0] == TITLE
    assert cells[1] == "No data Not recorded in the period"
    # Against last quarter and the same quarter last year (before the data): no arrow.
    assert cells[3:5] == ["No data to compare", "No data to compare"]
    assert cells[5] == "Not rated (no data) Target 100.0%"
    assert cells[6] == "None published"
    assert cells[7] == "No forecast"
    assert "0.0%" not in cells and "0 / 2" not in cells
    assert not doc.xpath(f"//tr[@id='row-{SEEN}']//strong[contains(@class, 'govuk-tag')]")


@pytest.mark.django_db
def test_indicator_page_says_no_data_without_forecast(clients, nodata) -> None:
    # An analyst sees every figure (a Member sees small ones as "c": test_member_disclosure).
    doc = _get(clients["analyst"], reverse("dashboard:indicator", args=[SEEN]))
    value = doc.xpath("//p[span[contains(@class, 'csc-value')]]")[0]
    assert _text(value) == "No data (not recorded in the period) Not rated (no data)"
    forecast = [_text(r) for r in doc.xpath("//tr[th[normalize-space()='Year-end forecast']]")]
    assert forecast == ["Year-end forecast No data No forecast: no data for the period"]
    trend = {
        _text(r.xpath("th")[0]): _text(r.xpath("td")[0])
        for r in doc.xpath("//table[caption[contains(., 'last 8 quarters')]]/tbody/tr")
    }
    assert trend["Q1 2019-20"] == "100.0%"
    assert trend["Q2 2019-20"] == "No data (no records in the period)"
    assert trend["Q3 2019-20"] == "No data (not recorded in the period)"
    assert not doc.xpath("//strong[contains(@class, 'govuk-tag')]")


@pytest.mark.django_db
def test_area_page_says_no_data(clients, nodata) -> None:
    doc = _get(clients["member"], reverse("dashboard:area", args=["assessments"]))
    section = doc.xpath(f"//section[@aria-labelledby='h-{SEEN}']")[0]
    assert "No data (not recorded in the period)" in _text(section)
    assert "0 of 2" not in _text(section)


def test_papers_say_no_data(home: Path, nodata, tmp_path: Path) -> None:
    from docx import Document

    con = snapshots.connect()
    public = performance_report(con, "2019-20-Q3", date(2020, 2, 10))
    document = Document(str(write(public, "docx", tmp_path / "p.docx")))
    rows = [
        [c.text for c in row.cells]
        for t in document.tables
        for row in t.rows
        if row.cells[0].text == TITLE
    ]
    # this quarter, previous quarter (Q2: none), same quarter last year (before the data),
    # forecast (none from no data), England and London (DfE publish none)
    assert rows == [
        [TITLE, "no data", "no data", "no data", "no data", "not published", "not published"]
    ]
    assert (
        f"No data for Q3 2019-20, so no figure, forecast or comparison: {TITLE} (not "
        "recorded in the period)."
    ) in [p.text for p in document.paragraphs]
    private = appendix(con, "2019-20-Q3", date(2020, 2, 10))
    cells = [
        [_text(c) for c in tr.xpath("th|td")]
        for tr in lxml.html.document_fromstring(to_html(private)).xpath("//table//tr")
    ]
    assert [row[:2] for row in cells if row and row[0] == TITLE] == [[TITLE, "no data"]]
    (result,) = compute(con, "2019-20-Q3", ids=[SEEN])
    assert paper_figures.sentence(result, "Q3 2019-20", paper_figures.Policy(True)) == (
        f"{TITLE}: no data in Q3 2019-20 (not recorded in the period)."
    )


def test_plan_link_says_no_data(nodata) -> None:
    assert current_values([SEEN, "contacts"]) == {
        SEEN: "no data: not recorded in the period (2019-20-Q3)",
        "contacts": "2 (2019-20-Q3)",
    }


def _period_urls() -> list[tuple[str, str]]:
    """(role, URL without the period) for every page that takes ?period=."""
    urls = [
        ("member", reverse("dashboard:overview")),
        ("member", reverse("dashboard:indicator", args=[SEEN])),
    ]
    urls += [("member", reverse("dashboard:area", args=[slug])) for slug in AREA_SLUGS]
    return urls


@pytest.mark.django_db
@pytest.mark.parametrize("period", IMPOSSIBLE)
def test_impossible_periods_are_404(clients, nodata, period: str) -> None:
    for role, url in _period_urls():
        response = clients[role].get(url, {"period": period})
        assert response.status_code == 404, (url, period)
    drill = reverse("dashboard:children", args=[SEEN, period])
    assert clients["manager"].get(drill).status_code == 404


@pytest.mark.django_db
def test_a_single_day_shows_stock_indicators_only(clients, nodata) -> None:
    """As at 5 Nov 2019: contacts and child seen are flows (not shown); children looked
    after at period end is a stock (shown: not available, no care episodes loaded)."""
    # Any day is for analysts; Members get only the listed periods (test_figure_cache).
    doc = _get(clients["analyst"], reverse("dashboard:overview") + "?period=asat:2019-11-05")
    assert not doc.xpath("//tr[@id='row-contacts' or @id='row-assessments_child_seen_pct']")
    assert doc.xpath("//tr[@id='row-cla_open']")
    assert doc.xpath("//p[contains(@class, 'csc-asat-note')]")
    flow = _get(
        clients["analyst"],
        reverse("dashboard:indicator", args=["contacts"]) + "?period=asat:2019-11-05",
    )
    assert "No data (counts events over a period, not on a single day)" in _text(flow)


@pytest.mark.django_db
def test_no_drill_down_link_where_the_register_is_not_kept(clients, nodata) -> None:
    """A figure from a register that is not kept has no children to list: a manager sees
    no link to them (it led to a 404); a figure that is only not recorded keeps its link,
    to the assessments whose answer is missing."""
    kept_not = "register_pf_notifications"
    doc = _get(clients["manager"], reverse("dashboard:indicator", args=[kept_not]))
    assert "register not kept" in _text(doc.xpath("//p[span[contains(@class, 'csc-value')]]")[0])
    assert not doc.xpath("//a[contains(., 'See the children behind this figure')]")
    drill = reverse("dashboard:children", args=[kept_not, "2019-20-Q3"])
    assert clients["manager"].get(drill).status_code == 404
    doc = _get(clients["manager"], reverse("dashboard:indicator", args=[SEEN]))
    (link,) = doc.xpath("//a[contains(., 'See the children behind this figure')]/@href")
    assert clients["manager"].get(link).status_code == 200
