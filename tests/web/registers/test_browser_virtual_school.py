"""The Virtual School register in real headless Chromium, one whole task: a Manager opens
the register (C1 is looked after, in Year 3, with no PEP this term), records a PEP graded
Requires improvement, sees the alert on the child's page and the list, records the follow-up
PEP graded Good, and the alert clears; axe-core on every page, screenshots at 1280 and
320 px."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..browser import MARKS, accessible, serving, sign_in
from ..conftest import make_snapshot
from .vs_data import add_looked_after

pytestmark = MARKS


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2019-11-15")
    make_snapshot(tmp_path)
    add_looked_after(tmp_path, [("C1", "2012-03-04", False, "2018-05-01", None, "C2")])
    schools = tmp_path / "schools.csv"
    schools.write_text(
        "CHILD,SCHOOL,URN,PHASE,OFSTED,OFSTED_DATE,START\n"
        "C1,Hillside Primary School,100001,primary,Good,01/01/2019,01/09/2019\n",
        encoding="utf-8",
    )
    with serving(
        tmp_path, ("manager",), [["registers", "import", "virtual-school", str(schools)]]
    ) as url:
        yield url


def test_a_pep_below_good_then_the_follow_up(server: str, page, tmp_path: Path) -> None:
    sign_in(page, server, "b-manager")
    page.goto(f"{server}/registers/")
    page.click("text=The Virtual School register")
    assert page.locator("h1").inner_text() == "Virtual School"
    accessible(page)
    row = page.locator("#vs-children tbody tr").first
    assert row.inner_text().split("\t")[:3] == ["C1", "Year 3", "Hillside Primary School (Good)"]
    assert "No PEP this term" in row.inner_text()
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
        page.screenshot(path=str(tmp_path / f"vs-list-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.click("#vs-children >> text=C1")
    assert page.locator("h1").inner_text() == "Virtual School: C1"
    accessible(page)
    page.click("text=Add a PEP")
    assert page.locator("h1").inner_text() == "Add a PEP: C1"
    accessible(page)
    page.fill("#id_held_on", "31/10/2019")
    page.select_option("#id_grade", "requires_improvement")
    page.fill("#id_notes", "Targets not specific; no voice of the child")
    page.click("button:has-text('Save')")
    assert page.locator("h1").inner_text() == "Virtual School: C1"
    alerts = page.inner_text("#vs-child-alerts")
    assert alerts.strip() == "Latest PEP graded below good"  # the PEP this term clears no_pep
    assert "Requires improvement" in page.inner_text("#vs-peps")
    accessible(page)
    page.goto(f"{server}/registers/virtual-school/")
    assert (
        "Latest PEP graded below good" in page.locator("#vs-children tbody tr").first.inner_text()
    )
    page.click("#vs-children >> text=C1")
    page.click("text=Add a PEP")
    page.fill("#id_held_on", "31/10/2019")  # the same day again: refused
    page.select_option("#id_grade", "good")
    page.click("button:has-text('Save')")
    assert "already has a PEP that day" in page.inner_text(".govuk-error-summary")
    accessible(page)
    page.fill("#id_held_on", "14/11/2019")
    page.click("button:has-text('Save')")
    assert page.locator("h1").inner_text() == "Virtual School: C1"
    assert page.inner_text("#vs-child-alerts").strip() == "None"
    expect(page.locator("#vs-peps tbody tr")).to_have_count(2)
    page.screenshot(path=str(tmp_path / "vs-child.png"), full_page=True)
    page.goto(f"{server}/registers/virtual-school/")
    assert page.locator("#vs-children tbody tr").first.inner_text().strip().endswith("None")
