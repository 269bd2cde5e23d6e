"""Plans in real headless Chromium: create a plan, add an action, change its RAG, see the
history and the summary move, download the DOCX; axe-core on every page."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..browser import MARKS, accessible, serving, sign_in

pytestmark = MARKS


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with serving(tmp_path, ("administrator",)) as url:
        yield url


def _h1(page) -> str:
    return page.locator("h1").inner_text()


def test_create_plan_update_rag_and_export(server: str, page, tmp_path: Path) -> None:
    sign_in(page, server, "b-administrator")
    page.goto(f"{server}/plans/")
    assert _h1(page) == "Plans"
    accessible(page)
    page.click("text=Create a plan")
    assert _h1(page) == "Create a plan"
    accessible(page)
    page.fill("#id_name", "Browser plan")
    page.fill("#id_review_date", "31/02/2021")
    page.click("button:has-text('Save')")
    assert "Review date must be a real date" in page.inner_text(".govuk-error-summary")
    accessible(page)
    page.fill("#id_review_date", "31/03/2021")
    page.click("button:has-text('Save')")
    assert _h1(page) == "Add a section"
    accessible(page)
    page.fill("#id_title", "Safe")
    page.click("button:has-text('Save')")
    assert _h1(page) == "Browser plan"
    assert page.inner_text("#completed") == "0 of 0 actions complete"
    page.click("text=Add an action")
    accessible(page)
    page.fill("#id_ref", "1")
    page.fill("#id_action", "Recruit a chair for first CIN meetings")
    page.fill("#id_due", "31/12/2030")
    page.fill("#id_leads", "RG")
    page.select_option("#id_rag", "amber")
    page.click("button:has-text('Save')")
    assert _h1(page) == "Browser plan"
    accessible(page)
    assert page.locator("#rag-counts tbody td").all_inner_texts() == ["0", "1", "0", "0"]
    page.click("text=Recruit a chair for first CIN meetings")
    assert _h1(page) == "Action 1"
    accessible(page)
    page.click("text=Update RAG status")
    accessible(page)
    page.select_option("#id_rag", "blue")
    page.fill("#id_comment", "Chair in post")
    page.click("button:has-text('Save')")
    assert _h1(page) == "Action 1"
    expect(page.locator("#history tbody tr")).to_have_count(2)
    history = page.locator("#history tbody tr").all_inner_texts()
    assert "Amber" in history[0] and "Blue (complete)" in history[0]
    assert "Chair in post" in history[0]
    page.click("text=Back to Browser plan")
    assert page.inner_text("#completed") == "1 of 1 action complete"
    expect(page.locator("#rag-counts tbody td")).to_have_text(["0", "0", "0", "1"])
    with page.expect_download() as download:
        page.click("text=Download as Word (DOCX)")
    target = tmp_path / "plan.docx"
    download.value.save_as(target)

    import docx

    tables = docx.Document(str(target)).tables
    cells = [c.text for c in tables[1].rows[1].cells]
    assert (cells[0], cells[3], cells[-1]) == (
        "1",
        "Recruit a chair for first CIN meetings",
        "Blue (complete)",
    )
    if shutil.which("soffice"):
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--convert-to",
                "txt:Text",
                "--outdir",
                str(tmp_path),
                str(target),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        text = (tmp_path / "plan.txt").read_text(encoding="utf-8-sig")
        assert "Recruit a chair for first CIN meetings" in text
