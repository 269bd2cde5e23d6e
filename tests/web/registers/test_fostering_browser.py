"""Private fostering in real headless Chromium, one whole task as at Friday 15 November
2019: a Manager opens the register from the Registers page and records a notification on 1
November 2019 for C1. With no initial visit by day 7 (8 November) the list shows the alert.
The Manager records the initial visit on 8 November, day 7 itself: the alert clears and the
next visit is due 6 weeks later, 20 December. Then a visit on 14 November (a date before the
notification refused first): 6 weeks on, 26 December. axe-core on every page; the list at
1280 and 320 px has no sideways scroll (CSC_SCREENSHOTS=folder keeps the images)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..browser import MARKS, serving, sign_in
from ..conftest import make_snapshot
from .steps import cells, on_page, shoot

pytestmark = MARKS
LIST = "Private fostering"
LATE = "Initial visit not made within 7 days of notification"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2019-11-15")
    make_snapshot(tmp_path)
    with serving(tmp_path, ("manager",)) as url:
        yield url


def _row(page) -> list[str]:
    rows = page.locator("#fostering-arrangements tbody tr")
    expect(rows).to_have_count(1)
    return cells(rows.first)


def test_a_late_initial_visit_is_recorded_and_the_next_is_due(server: str, page) -> None:
    sign_in(page, server, "b-manager")
    page.goto(f"{server}/registers/")
    on_page(page, "Registers")
    page.click("text=The private fostering register")
    on_page(page, LIST)
    assert page.inner_text("#fostering-arrangements tbody") == (
        "No private fostering arrangements recorded."
    )

    page.click("text=Add an arrangement")
    on_page(page, "Add a private fostering arrangement")
    page.fill("#id_child_id", "c1")
    page.fill("#id_notified_on", "01/11/2019")
    page.fill("#id_notified_by", "School nurse")
    page.click("button:has-text('Save the arrangement')")
    on_page(page, "Private fostering: C1")
    assert page.inner_text(".govuk-notification-banner").endswith("Arrangement for C1 saved")
    assert page.inner_text("#visits") == "None recorded."

    page.click(".govuk-back-link")
    on_page(page, LIST)
    assert _row(page) == [
        "C1",
        "01/11/2019",
        "None recorded",
        "Not completed",
        "0",
        "After the initial visit",
        LATE,
    ]

    page.locator("#fostering-arrangements").get_by_role("link", name="C1").click()
    on_page(page, "Private fostering: C1", check=False)
    page.fill("#id_initial_visit_on", "08/11/2019")
    page.click("button:has-text('Save the arrangement')")
    on_page(page, "Private fostering: C1", check=False)
    page.click(".govuk-back-link")
    on_page(page, LIST, check=False)
    assert _row(page) == [
        "C1",
        "01/11/2019",
        "08/11/2019",
        "Not completed",
        "0",
        "20/12/2019",
        "None",
    ]

    page.locator("#fostering-arrangements").get_by_role("link", name="C1").click()
    page.fill("#id_visit-visited_on", "31/10/2019")
    page.click("button:has-text('Add the visit')")
    assert page.title().startswith("Error: ")
    assert page.inner_text(".govuk-error-summary").endswith(
        "The date of visit must be on or after the date notified"
    )
    on_page(page, "Private fostering: C1")
    page.fill("#id_visit-visited_on", "14/11/2019")
    page.fill("#id_visit-notes", "Seen alone; settled")
    page.click("button:has-text('Add the visit')")
    on_page(page, "Private fostering: C1", check=False)
    assert page.inner_text(".govuk-notification-banner").endswith("Visit on 14/11/2019 saved")
    assert page.inner_text("#visits") == "14 November 2019: Seen alone; settled"

    page.click(".govuk-back-link")
    on_page(page, LIST)
    assert _row(page) == [
        "C1",
        "01/11/2019",
        "08/11/2019",
        "Not completed",
        "1",
        "26/12/2019",
        "None",
    ]
    assert LATE not in page.inner_text("main")
    shoot(page, "fostering-list")
