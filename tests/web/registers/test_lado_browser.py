"""The LADO register in real headless Chromium, one whole task as at Friday 29 May 2020: a
Manager opens the register from the Registers page and records two referrals about adults
by case reference and role (never a name). The one received Thursday 7 May is late: its 5th
working day was Friday 15 May (8 May was a bank holiday) and no initial evaluation meeting
is recorded. The one received Thursday 21 May is on its 5th working day today (25 May was a
bank holiday), so not late yet. The Manager records the first one's meeting on the edit
form: a date before it was received is refused; Monday 18 May, one working day late, keeps
the alert; the right date, Friday 15 May (the 5th working day only because 8 May is not
one), clears it. axe-core on every page; the list at 1280 and 320 px has no sideways
scroll (CSC_SCREENSHOTS=folder keeps the images)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ..browser import MARKS, serving, sign_in
from ..conftest import make_snapshot
from .steps import cells, on_page, shoot

pytestmark = MARKS
LIST = "Allegations about adults who work with children (LADO)"
LATE = "Initial evaluation meeting not held within 5 working days"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-05-29")
    make_snapshot(tmp_path)
    with serving(tmp_path, ("manager",)) as url:
        yield url


def _add(page, reference: str, received: str, role: str, category: str) -> None:
    page.click("text=Add a contact")
    on_page(page, "Add a LADO contact", check=reference == "LADO/20/014")
    # the adult by reference and role only, as the form says
    assert "never by name" in page.inner_text("main")
    assert "The LADO's case reference, not the adult's name" in page.inner_text("main")
    page.fill("#id_reference", reference)
    page.fill("#id_received_on", received)
    page.fill("#id_source", "Headteacher")
    page.select_option("#id_sector", "education")
    page.fill("#id_role", role)
    page.select_option("#id_category", category)
    page.select_option("#id_met_threshold", "true")
    page.click("button:has-text('Save the contact')")
    on_page(page, LIST, check=False)


def _meeting(page, reference: str, day: str) -> None:
    page.locator("#lado-contacts").get_by_role("link", name=reference).click()
    on_page(page, f"Edit contact {reference}", check=False)
    page.fill("#id_initial_meeting_on", day)
    page.click("button:has-text('Save the contact')")


def test_a_late_initial_meeting_is_recorded_and_the_alert_clears(server: str, page) -> None:
    sign_in(page, server, "b-manager")
    page.goto(f"{server}/registers/")
    on_page(page, "Registers")
    page.click("text=The LADO register")
    on_page(page, LIST)
    assert page.inner_text("#lado-contacts tbody") == "No contacts recorded."

    _add(page, "LADO/20/014", "07/05/2020", "Teacher", "physical")
    _add(page, "LADO/20/019", "21/05/2020", "Sports coach", "suitability")
    assert page.inner_text(".govuk-notification-banner").endswith("Contact LADO/20/019 saved")
    rows = page.locator("#lado-contacts tbody tr")
    assert cells(rows.nth(0)) == [
        "LADO/20/019",
        "21/05/2020",
        "Education: Sports coach",
        "Suitability to work with children",
        "Referrals",
        "None recorded",
        "Open",
        "None",
    ]
    assert cells(rows.nth(1)) == [
        "LADO/20/014",
        "07/05/2020",
        "Education: Teacher",
        "Physical abuse",
        "Referrals",
        "None recorded",
        "Open",
        LATE,
    ]
    shoot(page, "lado-list")
    on_page(page, LIST)

    _meeting(page, "LADO/20/014", "06/05/2020")
    assert page.inner_text(".govuk-error-summary").endswith(
        "Initial evaluation meeting must be on or after the date received"
    )
    assert page.title().startswith("Error: ")
    on_page(page, "Edit contact LADO/20/014")
    page.fill("#id_initial_meeting_on", "18/05/2020")
    page.click("button:has-text('Save the contact')")
    on_page(page, LIST, check=False)
    assert cells(page.locator("#lado-contacts tbody tr").nth(1))[5:] == [
        "18/05/2020",
        "Open",
        LATE,
    ]

    _meeting(page, "LADO/20/014", "15/05/2020")
    on_page(page, LIST)
    assert cells(page.locator("#lado-contacts tbody tr").nth(1))[5:] == [
        "15/05/2020",
        "Open",
        "None",
    ]
    page.wait_for_load_state()  # the whole page, before reading the list at its foot
    assert LATE not in page.inner_text("main")
    year = page.locator("#lado-year .govuk-summary-list__row").all_inner_texts()
    assert [r.replace("\n", "\t").split("\t") for r in year] == [
        ["Contacts received", "2"],
        ["Referrals (met the threshold)", "2"],
        ["Initial meetings within 5 working days", "1"],
        ["Referrals concluded", "0"],
        ["Referrals open", "2"],
    ]
    page.click("text=Registers")
    on_page(page, "Registers", check=False)
    assert "Initial evaluation meeting not held within 5 working days\t0" in page.inner_text(
        "#lado-summary"
    )
