"""The dashboards in headless Chromium under gunicorn (as test_browser.py): the overview for
two periods, every area page, an indicator, the drill-down to a child and back, and a
Member refused every child-level URL; axe-core on every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from csc_insight.web.dashboard.views import AREA_SLUGS

from .browser import MARKS, accessible, serving, sign_in
from .test_dashboard import CHILD_IDS, make_dashboard_snapshot

pytestmark = MARKS


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    make_dashboard_snapshot(tmp_path)
    with serving(tmp_path, ("manager", "member")) as url:
        yield url


def _h1(page) -> str:
    return page.locator("h1").inner_text()


def test_manager_reads_the_dashboards_and_drills_down(server: str, page) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, server, "b-manager")
    page.click("a.govuk-service-navigation__link:has-text('Performance')")
    assert _h1(page) == "Performance overview"
    assert page.locator("#row-contacts .csc-value").inner_text() == "4"
    accessible(page)
    page.select_option("#period", "2019-20-Q2")
    page.click("button:has-text('Show')")
    assert page.url.endswith("/performance/?period=2019-20-Q2")
    assert page.locator("#row-contacts .csc-value").inner_text() == "1"
    accessible(page)
    for slug in AREA_SLUGS:
        page.goto(f"{server}/performance/{slug}/?period=2019-20-Q3")
        assert page.locator("h1").count() == 1
        accessible(page)
    page.goto(f"{server}/performance/contacts-and-referrals/?period=2019-20-Q3")
    page.select_option("#by", "team")
    page.click("button:has-text('Show')")
    assert "by=team" in page.url and "period=2019-20-Q3" in page.url
    accessible(page)
    page.click("h2 a:has-text('Contacts decided within 1 working day')")
    assert _h1(page) == "Contacts decided within 1 working day"
    accessible(page)
    page.click("a:has-text('See the children behind this figure')")
    assert _h1(page) == "Children behind contacts decided within 1 working day"
    accessible(page)
    page.click("a:has-text('KID0003')")
    assert _h1(page) == "Child KID0003"
    page.go_back()
    assert _h1(page) == "Children behind contacts decided within 1 working day"
    assert [e for e in errors if not e.startswith("Failed to load resource")] == []


def test_member_refused_every_child_level_url(server: str, page) -> None:
    sign_in(page, server, "b-member")
    page.goto(f"{server}/performance/")
    assert "KID000" not in page.content()
    accessible(page)
    urls = [
        f"/indicators/{i}/2019-20-Q3/children/"
        for i in ("contacts", "contacts_decided_1wd_pct", "referrals", "contact_conversion_pct")
    ]
    urls += [f"/children/{child}/" for child in CHILD_IDS]
    for url in urls:
        response = page.goto(server + url)
        assert response.status == 403, url
        assert _h1(page) == "You cannot open this page"
    accessible(page)
