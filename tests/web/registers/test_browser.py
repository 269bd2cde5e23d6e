"""The missing register in real headless Chromium: the counts page, the register list with
an imported episode, adding an episode through the form (an impossible date first), the
child's page; axe-core on every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..browser import MARKS, accessible, serving, sign_in
from ..conftest import make_snapshot

pytestmark = MARKS


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    register = tmp_path / "register.csv"
    register.write_text(
        "CHILD,MISSING_FROM,START,RETURNED\nC1,care,01/10/2019,03/10/2019\n", encoding="utf-8"
    )
    cme = tmp_path / "cme.csv"
    cme.write_text("CHILD,CATEGORY,START\nC1,at risk,01/09/2019\n", encoding="utf-8")
    make_snapshot(tmp_path)
    with serving(
        tmp_path,
        ("manager",),
        [
            ["registers", "import", "missing", str(register)],
            ["registers", "import", "cme", str(cme)],
        ],
    ) as url:
        yield url


def test_register_list_form_and_child_page(server: str, page, tmp_path: Path) -> None:
    sign_in(page, server, "b-manager")
    page.goto(f"{server}/registers/")
    assert page.locator("h1").inner_text() == "Registers"
    accessible(page)
    page.click("text=The missing register")
    assert page.locator("h1").inner_text() == "Children missing from home and care"
    accessible(page)
    rows = page.locator("#missing-episodes tbody tr")
    expect(rows).to_have_count(1)
    # returned 3 Oct 2019 with no return interview offered: the 72-hour alert
    assert "No return interview offered within 72 hours" in rows.first.inner_text()
    page.click("text=Add an episode")
    assert page.locator("h1").inner_text() == "Add a missing episode"
    accessible(page)
    page.fill("#id_child_id", "c1")
    page.select_option("#id_missing_from", "home")
    page.fill("#id_start", "01/12/2019")
    page.fill("#id_returned_on", "31/11/2019")
    page.click("button:has-text('Save the episode')")
    assert "Date found or returned must be a real date" in page.inner_text(".govuk-error-summary")
    accessible(page)
    page.fill("#id_returned_on", "02/12/2019")
    page.fill("#id_rhi_offered_on", "03/12/2019")
    page.click("button:has-text('Save the episode')")
    assert page.locator("h1").inner_text() == "Missing episodes: C1"
    accessible(page)
    expect(page.locator("#child-episodes tbody tr")).to_have_count(2)
    page.screenshot(path=str(tmp_path / "missing-child.png"), full_page=True)


def test_missing_education_term_and_form(server: str, page, tmp_path: Path) -> None:
    """C1 (at risk from 1 Sep 2019) has a CP plan from 15 Aug 2019 in the test snapshot."""
    sign_in(page, server, "b-manager")
    page.goto(f"{server}/registers/cme/?term=2019-09-01:2019-10-31")
    assert page.locator("h1").inner_text() == "Children missing education"
    accessible(page)
    lines = page.locator("#cme-lines li").all_inner_texts()
    assert lines[0] == "Total number of children being monitored: 1"
    assert lines[3] == "Children at Risk of Missing Education: 1 (1 CP, 0 CIN, 0 EH)"
    assert "CP: jointly worked" in page.inner_text("#cme-entries")
    page.click("text=Add a child")
    accessible(page)
    page.fill("#id_child_id", "C2")
    page.select_option("#id_category", "ehe")
    page.fill("#id_start", "02/09/2019")
    page.click("button:has-text('Save the entry')")
    assert page.locator("h1").inner_text() == "Children missing education"
    page.goto(f"{server}/registers/cme/?term=2019-09-01:2019-10-31")
    assert page.locator("#cme-lines li").first.inner_text() == (
        "Total number of children being monitored: 2"
    )
    page.screenshot(path=str(tmp_path / "cme.png"), full_page=True)
