"""The safeguarding champions register in real headless Chromium, one whole task as at 15
May 2020. Environment's champion (from the imported register) stood down on 31 March 2020,
and its chief officer's return for 2019-20-H2 (October 2019-March 2020, due by 30 April
2020) has not come in. A Manager sees both alerts on the Registers page and the register,
adds a new champion appointed on 1 May 2020 (that alert clears), then records the return
received 12 May 2020 (a half-year that names none refused first), and the department has
no alert left. axe-core on every page; the register at 1280 and 320 px has no sideways
scroll (CSC_SCREENSHOTS=folder keeps the images)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..browser import MARKS, serving, sign_in
from ..conftest import make_snapshot
from .steps import cells, on_page, shoot

pytestmark = MARKS
LIST = "Safeguarding champions"
NO_CHAMPION = "No safeguarding champion"
OVERDUE = "Assurance return overdue for the last half-year"
DEPARTMENT = "Environment Chief officer: Alex Morgan"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-05-15")
    make_snapshot(tmp_path)
    register = tmp_path / "champions_register.csv"
    register.write_text(
        "DEPARTMENT,NAME,ROLE,APPOINTED,ENDED,CHIEF_OFFICER\n"
        "Environment,Jo Baker,Business manager,01/04/2018,31/03/2020,Alex Morgan\n",
        encoding="utf-8",
    )
    with serving(
        tmp_path, ("manager",), [["registers", "import", "champions", str(register)]]
    ) as url:
        yield url


def _department(page) -> list[str]:
    rows = page.locator("#departments tbody tr")
    expect(rows).to_have_count(1)
    return cells(rows.first)


def _counts(page) -> list[str]:
    rows = page.locator("#champions-summary .govuk-summary-list__row").all_inner_texts()
    return [" ".join(r.split()) for r in rows]


def test_a_champion_and_the_overdue_return_are_recorded(server: str, page) -> None:
    sign_in(page, server, "b-manager")
    page.goto(f"{server}/registers/")
    on_page(page, "Registers")
    assert _counts(page) == ["Departments 1", f"{NO_CHAMPION} 1", f"{OVERDUE} 1"]
    page.click("text=The safeguarding champions register")
    on_page(page, LIST)
    assert (
        "no return for 2019-20-H2 (October 2019-March 2020, due by 30 April 2020)"
        in page.inner_text("main")
    )
    assert _department(page) == [DEPARTMENT, "None", "None received", f"{NO_CHAMPION} {OVERDUE}"]
    assert page.inner_text("#returns tbody") == "No returns recorded."

    page.click("text=Add a champion")
    on_page(page, "Add a safeguarding champion")
    page.select_option("#id_department", label="Environment")
    page.fill("#id_name", "Sam Okafor")
    page.fill("#id_role", "Head of business support")
    page.fill("#id_appointed_on", "01/05/2020")
    page.click("button:has-text('Save')")
    on_page(page, LIST, check=False)
    assert page.inner_text(".govuk-notification-banner").endswith(
        "Add a safeguarding champion: saved"
    )
    assert _department(page) == [
        DEPARTMENT,
        "Sam Okafor, Head of business support (from 01/05/2020)",
        "None received",
        OVERDUE,
    ]

    page.click("text=Add an assurance return")
    on_page(page, "Add an assurance return")
    page.select_option("#id_department", label="Environment")
    page.fill("#id_half_year", "2019-2020 H2")
    page.fill("#id_received_on", "12/05/2020")
    page.select_option("#id_assurance", "amber")
    page.fill("#id_actions", "Refresh safeguarding training for new starters")
    page.click("button:has-text('Save')")
    assert page.title().startswith("Error: ")
    assert page.inner_text(".govuk-error-summary").endswith(
        "Enter a half-year such as 2019-20-H1 (April-September) or 2019-20-H2"
    )
    on_page(page, "Add an assurance return")
    page.fill("#id_half_year", "h2 2019-20")
    page.click("button:has-text('Save')")
    on_page(page, LIST)
    assert _department(page) == [
        DEPARTMENT,
        "Sam Okafor, Head of business support (from 01/05/2020)",
        "Amber, received 12/05/2020",
        "None",
    ]
    assert cells(page.locator("#returns tbody tr").first) == [
        "2019-20-H2",
        "Environment",
        "12/05/2020",
        "Amber: partial assurance",
        "Refresh safeguarding training for new starters",
    ]
    shoot(page, "champions-list")

    page.click(".govuk-back-link")
    on_page(page, "Registers", check=False)
    assert _counts(page) == ["Departments 1", f"{NO_CHAMPION} 0", f"{OVERDUE} 0"]
