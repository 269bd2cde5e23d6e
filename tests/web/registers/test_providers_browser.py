"""The providers register in real headless Chromium, one whole task as at 31 March 2020
over the hand-made snapshot, where C1 is placed now at URN SC100001 (an open SSDA903
episode) and C2 was at SC100002 until 1 December 2019. An Analyst opens the register from
the Registers page and adds Northway Fostering (its URN typed in lower case with a space; a
URN that is not one refused first) with an inspection rated Good on 12 May 2017, then one
rated Requires improvement on 10 September 2019: a downgrade within the last 12 months where
a child of ours lives, so the alert shows. The same two ratings for Willow House, where no
child lives now, give no such alert. Neither has had a monitoring visit. axe-core on every
page; the list at 1280 and 320 px has no sideways scroll (CSC_SCREENSHOTS=folder keeps the
images)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from csc_insight.store import snapshots

from ..browser import MARKS, serving, sign_in
from ..conftest import make_snapshot
from .steps import cells, on_page, shoot

pytestmark = MARKS
DOWN = "Ofsted rating down where our children live"
NO_VISIT = "No monitoring visit in the last 12 months"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-03-31")
    make_snapshot(tmp_path)
    con = duckdb.connect(str(snapshots.current(tmp_path).path))
    con.execute("""
        INSERT INTO cla_episodes (child_id, decom, place, dec, urn, source) VALUES
        ('C1', DATE '2019-05-01', 'U4', NULL, 'SC100001', 'ssda903'),
        ('C2', DATE '2018-01-01', 'U1', DATE '2019-12-01', 'SC100002', 'ssda903');
    """)
    con.close()
    with serving(tmp_path, ("analyst",)) as url:
        yield url


def _add_provider(page, name: str, urn: str, kind: str, check: bool) -> None:
    page.click("text=Add a provider")
    on_page(page, "Add a provider", check=check)
    page.fill("#id_name", name)
    page.fill("#id_urn", urn)
    page.select_option("#id_kind", kind)
    page.click("button:has-text('Save')")


def _inspect(page, name: str, day: str, rating: str, check: bool) -> None:
    page.click("text=Add an inspection")
    on_page(page, f"Add an Ofsted inspection: {name}", check=check)
    page.fill("#id_inspected_on", day)
    page.select_option("#id_rating", rating)
    page.click("button:has-text('Save')")
    on_page(page, name, check=False)


def _summary(page) -> list[str]:
    rows = page.locator("#provider-summary .govuk-summary-list__row")
    return [" ".join(r.split()) for r in rows.all_inner_texts()]


def test_a_downgrade_alerts_only_where_our_children_live(server: str, page) -> None:
    sign_in(page, server, "b-analyst")
    page.goto(f"{server}/registers/")
    on_page(page, "Registers")
    page.click("text=The providers register")
    on_page(page, "Providers")
    assert page.inner_text("#providers tbody") == "No providers on the register."

    _add_provider(page, "Northway Fostering", "XXXXXXX", "ifa", check=True)
    assert page.title().startswith("Error: ")
    assert page.inner_text(".govuk-error-summary").endswith(
        "Enter an Ofsted URN of 6 to 10 letters and digits, such as SC123456"
    )
    on_page(page, "Add a provider")
    page.fill("#id_urn", "sc 100001")
    page.click("button:has-text('Save')")
    on_page(page, "Providers", check=False)
    page.click("#providers >> text=Northway Fostering")
    on_page(page, "Northway Fostering")
    assert _summary(page) == [
        "Ofsted URN SC100001",
        "Type Independent fostering agency",
        "Ofsted rating Not yet inspected",
        "Looked-after children placed now 1",
        f"Alerts {NO_VISIT}",
    ]
    _inspect(page, "Northway Fostering", "12/05/2017", "good", check=True)
    # a first inspection is not a change
    assert _summary(page)[2:] == [
        "Ofsted rating Good",
        "Looked-after children placed now 1",
        f"Alerts {NO_VISIT}",
    ]
    _inspect(page, "Northway Fostering", "10/09/2019", "requires_improvement", check=False)
    on_page(page, "Northway Fostering")
    assert _summary(page)[2:] == [
        "Ofsted rating Requires improvement",
        "Looked-after children placed now 1",
        f"Alerts {DOWN} {NO_VISIT}",
    ]
    assert [cells(r) for r in page.locator("#ratings tbody tr").all()] == [
        ["10/09/2019", "Requires improvement"],
        ["12/05/2017", "Good"],
    ]

    page.click(".govuk-back-link")
    on_page(page, "Providers", check=False)
    _add_provider(page, "Willow House", "SC100002", "home", check=False)
    page.click("#providers >> text=Willow House")
    on_page(page, "Willow House", check=False)
    _inspect(page, "Willow House", "12/05/2017", "good", check=False)
    _inspect(page, "Willow House", "10/09/2019", "requires_improvement", check=False)
    assert _summary(page)[2:] == [
        "Ofsted rating Requires improvement",
        "Looked-after children placed now 0",
        f"Alerts {NO_VISIT}",
    ]

    page.click(".govuk-back-link")
    on_page(page, "Providers")
    rows = page.locator("#providers tbody tr")
    assert [cells(r) for r in rows.all()] == [
        [
            "Northway Fostering",
            "SC100001",
            "Independent fostering agency",
            "Requires improvement (10/09/2019) was Good",
            "None recorded",
            "1",
            f"{DOWN} {NO_VISIT}",
        ],
        [
            "Willow House",
            "SC100002",
            "Children's home",
            "Requires improvement (10/09/2019) was Good",
            "None recorded",
            "0",
            NO_VISIT,
        ],
    ]
    shoot(page, "providers-list")
    page.click("text=Registers")
    on_page(page, "Registers", check=False)
    summary = page.inner_text("#providers-summary")
    assert f"{DOWN}\t1" in summary
    assert "Looked-after children placed with them now\t1" in summary
