"""In the browser: an upload with a bad row is loaded with the row quarantined, and the
result and Data pages that say so are accessible (axe-core)."""

from __future__ import annotations

from pathlib import Path

from .browser import MARKS, accessible, sign_in

pytestmark = MARKS


def test_upload_with_a_bad_row_is_quarantined(server: str, page, tmp_path: Path) -> None:
    header = tmp_path / "header.csv"
    header.write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,1,01/05/2005,WBRI,,,\n"
        "B1,1,1066-04-13,WBRI,,,\n",
        encoding="utf-8",
    )
    sign_in(page, server, "b-analyst")
    page.goto(f"{server}/data/")
    page.set_input_files("#returns", str(header))
    page.click("button:has-text('Upload and load')")
    page.wait_for_url("**/uploads/**", timeout=120_000)
    assert page.locator("h1").inner_text() == "Load complete"
    assert "1 problem with rows' values" in page.inner_text(".govuk-warning-text")
    assert "1066-04-13: before 1900." in page.inner_text("#report")
    accessible(page)
    page.click("a:has-text('Data page')")
    assert page.locator("#quarantine").inner_text() == "Quarantined in the current data"
    accessible(page)
