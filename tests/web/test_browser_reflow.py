"""Reflow (WCAG 1.4.10) and axe on the pages issue 16 changed, for every role that may open
them, at 1280 px and at 320 px: the overview, every area page (with and without a
breakdown), a child's journey and the drill-down list. No page may scroll sideways
(document.scrollingElement.scrollWidth <= window.innerWidth); a wide table scrolls inside
its own focusable region instead. Set CSC_SCREENSHOTS=folder to keep a full-page image of
each (role, width, page) to look at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from csc_insight.store import snapshots
from csc_insight.web.dashboard.views import AREA_SLUGS

from .browser import MARKS, accessible, serving, sign_in
from .test_dashboard import DASH_SNAPSHOT, make_dashboard_snapshot

pytestmark = MARKS

ROLES = ("member", "auditor", "manager", "analyst", "administrator")
CHILD_LEVEL = ("manager", "analyst", "administrator")
WIDTHS = (1280, 320)
PERIOD = "?period=2019-20-Q3"

# KID0001's journey, coded as the returns code it: referral from an individual (1A) for
# abuse or neglect (N1); looked after from 2 December 2019 on a full care order (C2) with
# a long-term foster carer (U4) of our own (PR1); allocated to W7; visited 20 December.
JOURNEY_ROWS = """
    UPDATE referrals SET source_code = '1A', primary_need = 'N1' WHERE referral_id = 'R1';
    INSERT INTO cla_episodes (child_id, decom, rne, ls, cin, place, place_provider, source)
    VALUES ('KID0001', DATE '2019-12-02', 'S', 'C2', 'N1', 'U4', 'PR1', 'ssda903');
    INSERT INTO allocations (child_id, worker, team, start_date, source)
    VALUES ('KID0001', 'W7', 'Team A', DATE '2019-10-08', 'local');
    INSERT INTO visits (child_id, visit_date, visit_type, seen_alone, worker, source)
    VALUES ('KID0001', DATE '2019-12-20', 'CLA', true, 'W7', 'local');
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("reflow")
    make_dashboard_snapshot(home)
    with duckdb.connect(str(snapshots.snapshot_dir(home) / f"{DASH_SNAPSHOT}.duckdb")) as con:
        con.execute(JOURNEY_ROWS)
    with serving(home, ROLES) as url:
        yield url


def _pages(role: str) -> list[tuple[str, str]]:
    pages = [("overview", f"/performance/{PERIOD}")]
    pages += [(f"area-{slug}", f"/performance/{slug}/{PERIOD}") for slug in AREA_SLUGS]
    pages.append(("area-by-age", f"/performance/contacts-and-referrals/{PERIOD}&by=age_band"))
    if role in CHILD_LEVEL:
        pages.append(("journey", "/children/KID0001/"))
        pages.append(("drilldown", "/indicators/contacts_decided_1wd_pct/2019-20-Q3/children/"))
    return pages


def _reflows(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("role", ROLES)
def test_changed_pages_reflow_and_pass_axe(server: str, page, role: str) -> None:
    shots = os.environ.get("CSC_SCREENSHOTS")
    sign_in(page, server, f"b-{role}")
    overflowing = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in _pages(role):
            response = page.goto(server + url)
            assert response.status == 200, (role, url)
            assert page.locator("h1").count() == 1
            if not _reflows(page):
                overflowing.append((width, url))
            accessible(page)
            if shots:
                Path(shots).mkdir(parents=True, exist_ok=True)
                page.screenshot(path=f"{shots}/{role}-{width}-{name}.png", full_page=True)
    assert overflowing == []


def test_overview_and_journey_content(server: str, page) -> None:
    """The overview's forecast and direction columns in the browser; the journey's codes in
    words with the codes beside them, and its summary."""
    sign_in(page, server, "b-manager")
    page.goto(f"{server}/performance/{PERIOD}")
    headers = page.locator("table.csc-headlines thead th").all_inner_texts()
    assert "Year-end forecast" in headers and "Last quarter" in headers
    assert page.locator("#row-contacts .csc-forecast__value").inner_text() == "9"
    page.goto(f"{server}/children/KID0001/")
    text = " ".join(page.locator("main").inner_text().split())
    for expected in (
        "Ethnicity White British (WBRI)",
        "Status now Looked after since 2 December 2019",
        "Worker W7, Team A (allocated 8 October 2019)",
        "Legal status: Full care order (C2)",
        "Placement: Foster placement with other foster carer: long term (U4)",
        "Last visit 20 December 2019: Looked-after child visit, seen alone",
        "Source Individual (1A)",
        "Primary need Abuse or neglect (N1)",
        "Provider Own local authority (PR1)",
    ):
        assert expected in text, expected
    assert DASH_SNAPSHOT not in text
    assert "Data loaded 5 January 2020" in text
