"""The dashboards in headless Chromium under gunicorn (as test_browser.py): the overview for
two periods, every area page, an indicator, the drill-down to a child and back, and a
Member refused every child-level URL; axe-core on every page."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from csc_insight.web.dashboard.views import AREA_SLUGS

from .test_browser import ARGS, CHROMIUM, CLI, PASSWORD, _accessible, _free_port, _sign_in
from .test_dashboard import CHILD_IDS, make_dashboard_snapshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    env = {**os.environ, "CSC_INSIGHT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    for role in ("manager", "member"):
        subprocess.run([CLI, "createuser", f"b-{role}", "--role", role, "--password-stdin"],
                       input=PASSWORD + "\n", text=True, env=env, check=True,
                       capture_output=True)
    make_dashboard_snapshot(tmp_path)
    port = _free_port()
    proc = subprocess.Popen([CLI, "serve", "--port", str(port), "--workers", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/account/login/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def page() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser.new_page()
        browser.close()


def _h1(page) -> str:
    return page.locator("h1").inner_text()


def test_manager_reads_the_dashboards_and_drills_down(server: str, page) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    _sign_in(page, server, "b-manager")
    page.click("a.govuk-service-navigation__link:has-text('Performance')")
    assert _h1(page) == "Performance overview"
    assert page.locator("#row-contacts .csc-value").inner_text() == "4"
    _accessible(page)
    page.select_option("#period", "2019-20-Q2")
    page.click("button:has-text('Show')")
    assert page.url.endswith("/performance/?period=2019-20-Q2")
    assert page.locator("#row-contacts .csc-value").inner_text() == "1"
    _accessible(page)
    for slug in AREA_SLUGS:
        page.goto(f"{server}/performance/{slug}/?period=2019-20-Q3")
        assert page.locator("h1").count() == 1
        _accessible(page)
    page.goto(f"{server}/performance/contacts-and-referrals/?period=2019-20-Q3")
    page.select_option("#by", "team")
    page.click("button:has-text('Show')")
    assert "by=team" in page.url and "period=2019-20-Q3" in page.url
    _accessible(page)
    page.click("h2 a:has-text('Contacts decided within 1 working day')")
    assert _h1(page) == "Contacts decided within 1 working day"
    _accessible(page)
    page.click("a:has-text('See the children behind this figure')")
    assert _h1(page) == "Children behind contacts decided within 1 working day"
    _accessible(page)
    page.click("a:has-text('KID0003')")
    assert _h1(page) == "Child KID0003"
    page.go_back()
    assert _h1(page) == "Children behind contacts decided within 1 working day"
    assert [e for e in errors if not e.startswith("Failed to load resource")] == []


def test_member_refused_every_child_level_url(server: str, page) -> None:
    _sign_in(page, server, "b-member")
    page.goto(f"{server}/performance/")
    assert "KID000" not in page.content()
    _accessible(page)
    urls = [f"/indicators/{i}/2019-20-Q3/children/" for i in
            ("contacts", "contacts_decided_1wd_pct", "referrals", "contact_conversion_pct")]
    urls += [f"/children/{child}/" for child in CHILD_IDS]
    for url in urls:
        response = page.goto(server + url)
        assert response.status == 403, url
        assert _h1(page) == "You cannot open this page"
    _accessible(page)
