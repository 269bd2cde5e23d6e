"""In real headless Chromium: the LADO register imported, its indicators on the dashboard's
Registers area (the LADO register kept, private fostering not: a figure and "no data"), and
a register paper made on the Register papers page and downloaded as DOCX, read back with
python-docx; axe-core on every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from ..browser import MARKS, accessible, serving, sign_in
from ..conftest import make_snapshot

pytestmark = MARKS

LADO = """REFERENCE,RECEIVED,SECTOR,CATEGORY,THRESHOLD,INITIAL_MEETING
L-1,01/04/2019,Education,Physical,Y,02/04/2019
L-2,08/05/2019,Health,Neglect,Y,20/05/2019
L-3,10/06/2019,Education,Physical,N,
"""


def _section(indicator: str) -> str:
    return f"section[aria-labelledby='h-{indicator}']"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-06-30")  # the app runs as at that day
    register = tmp_path / "lado.csv"
    register.write_text(LADO, encoding="utf-8")
    make_snapshot(tmp_path)  # data to 15 August 2019: the dashboards open on Q1 2019-20
    with serving(tmp_path, ("manager",), [["registers", "import", "lado", str(register)]]) as url:
        yield url


def test_register_indicators_and_a_register_paper(server: str, page, tmp_path: Path) -> None:
    sign_in(page, server, "b-manager")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server}/performance/registers/?period=2019-20-Q1")
    assert page.locator("h1").inner_text().startswith("Registers")
    accessible(page)
    text = " ".join(page.inner_text("main").split())
    # L-1 and L-2 met the threshold in April-June 2019; L-2's meeting was 8 working days on
    assert "LADO referrals" in text and "Private fostering notifications" in text
    referrals = " ".join(page.locator(_section("register_lado_referrals")).inner_text().split())
    assert referrals.startswith("LADO referrals 2 ")
    fostering = " ".join(page.locator(_section("register_pf_notifications")).inner_text().split())
    assert "No data (register not kept)" in fostering
    page.screenshot(path=str(tmp_path / "registers-area-1280.png"), full_page=True)

    page.goto(f"{server}/registers/")
    page.click("text=Make a register paper")
    assert page.locator("h1").inner_text() == "Register papers"
    accessible(page)
    page.click("text=Allegations about adults who work with children (LADO): annual report")
    accessible(page)
    page.select_option("#id_when", "2019-20")
    page.fill("#id_meeting", "31/02/2020")
    page.click("button:has-text('Download the paper')")
    assert "Meeting date must be a real date" in page.inner_text(".govuk-error-summary")
    accessible(page)
    page.fill("#id_meeting", "06/07/2020")
    page.check("#id_format_0")  # Word
    with page.expect_download() as download:
        page.click("button:has-text('Download the paper')")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "lado-annual-2020-07-06.docx"
    doc = Document(str(saved))
    cells = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    words = " ".join(p.text for p in doc.paragraphs)
    assert "Local Authority Designated Officer (LADO) Annual Report 2019-20" in cells
    assert "fewer than 6 referrals" in words  # 2: through the disclosure policy
    assert "L-1" not in words + cells
