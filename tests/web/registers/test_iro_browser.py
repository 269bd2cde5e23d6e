"""The IRO service in real headless Chromium, one whole task as at 31 March 2020 over the
hand-made snapshot (iro_data.py): a Manager opens the register from the Registers page (M2's
first review, due 29 Jan 2020, is overdue, and L17-L20 have had no IRO contact between
reviews more than 6 months apart), records a dispute about L05's care plan raised
on 3 Feb 2020 (an impossible date first), sees the alert that it is unresolved after 20
working days (the 20th was Mon 2 Mar), resolves it (the outcome forgotten first), and the
alert clears; then the child's page. axe-core on every page; the list at 1280 and 320 px
has no sideways scroll. Set CSC_SCREENSHOTS=folder to keep the pages' images."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..browser import MARKS, accessible, serving, sign_in
from .iro_data import make_iro_snapshot

pytestmark = MARKS
STUCK = "Escalation unresolved after 20 working days at its stage"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-03-31")
    make_iro_snapshot(tmp_path)
    with serving(tmp_path, ("manager",)) as url:
        yield url


def _shoot(page, name: str) -> None:
    shots = os.environ.get("CSC_SCREENSHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{shots}/{name}.png", full_page=True)


def _reflows(page, name: str) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), width
        accessible(page)
        _shoot(page, f"{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_manager_records_and_resolves_an_escalation(server: str, page) -> None:
    sign_in(page, server, "b-manager")
    page.goto(f"{server}/registers/")
    assert "Review overdue" in page.inner_text("#iro-summary")
    page.click("text=The IRO service register")
    assert page.locator("h1").inner_text() == "IRO service"
    _reflows(page, "iro-list")
    # with no contacts recorded, L17-L20 (reviews 10 Sep 2019 and 20 Mar 2020) alert too
    alerts = page.locator("#iro-alerts tbody tr").all_inner_texts()
    assert [a.split("\t")[0] for a in alerts] == ["L17", "L18", "L19", "L20", "M2"]
    assert alerts[0].endswith("No IRO contact between reviews more than 6 months apart")
    assert alerts[-1] == (
        "M2\tNo IRO recorded\tNone in this period of care\t29/01/2020\tNone recorded\t"
        "Review overdue"
    )
    assert page.inner_text("#iro-escalations tbody") == "No escalations recorded."

    page.click("text=Add an escalation")
    assert page.locator("h1").inner_text() == "Add an escalation"
    accessible(page)
    page.fill("#id_child_id", "l05")
    page.fill("#id_iro", "AB")
    page.fill("#id_raised_on", "30/02/2020")
    page.select_option("#id_category", "care_planning")
    page.click("button:has-text('Save the escalation')")
    assert "Date raised must be a real date" in page.inner_text(".govuk-error-summary")
    assert page.title().startswith("Error: ")
    accessible(page)
    page.fill("#id_raised_on", "03/02/2020")
    page.click("button:has-text('Save the escalation')")
    assert page.locator("h1").inner_text() == "IRO service"
    row = page.locator("#iro-escalations tbody tr").first
    assert row.inner_text().split("\t")[1:4] == ["L05", "AB", "Care planning"]
    assert STUCK in row.inner_text()

    row.locator("a").first.click()
    assert page.locator("h1").inner_text() == "Edit the escalation: L05"
    accessible(page)
    page.fill("#id_resolved_on", "05/03/2020")
    page.click("button:has-text('Save the escalation')")
    assert "Choose the outcome with the date resolved or closed" in page.inner_text(
        ".govuk-error-summary"
    )
    page.select_option("#id_outcome", "resolved")
    page.click("button:has-text('Save the escalation')")
    assert page.locator("h1").inner_text() == "IRO service"
    row = page.locator("#iro-escalations tbody tr").first
    assert "05/03/2020: Resolved" in row.inner_text()
    assert row.inner_text().endswith("None")
    assert STUCK not in page.inner_text("main")

    page.locator("#iro-escalations").get_by_role("link", name="L05", exact=True).click()
    assert page.locator("h1").inner_text() == "IRO service: L05"
    accessible(page)
    assert page.inner_text("#iro-child-escalations").startswith("3 February 2020: Care planning")
    assert "Yes, since 1 June 2018" in page.inner_text("#iro-child-summary")
    _reflows(page, "iro-child")
