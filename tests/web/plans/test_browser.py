"""Plans in real headless Chromium: create a plan, add an action, change its RAG, see the
history and the summary move, download the DOCX; axe-core on every page."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..test_browser import (  # noqa: F401 (page is a fixture)
    CHROMIUM,
    CLI,
    PASSWORD,
    _accessible,
    _free_port,
    _sign_in,
    page,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    env = {**os.environ, "CSC_INSIGHT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    subprocess.run([CLI, "createuser", "b-administrator", "--role", "administrator",
                    "--password-stdin"], input=PASSWORD + "\n", text=True, env=env,
                   check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen([CLI, "serve", "--port", str(port), "--workers", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/account/login/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _h1(page) -> str:  # noqa: F811
    return page.locator("h1").inner_text()


def test_create_plan_update_rag_and_export(server: str, page, tmp_path: Path) -> None:  # noqa: F811
    _sign_in(page, server, "b-administrator")
    page.goto(f"{server}/plans/")
    assert _h1(page) == "Plans"
    _accessible(page)
    page.click("text=Create a plan")
    assert _h1(page) == "Create a plan"
    _accessible(page)
    page.fill("#id_name", "Browser plan")
    page.fill("#id_review_date", "31/02/2021")
    page.click("button:has-text('Save')")
    assert "Review date must be a real date" in page.inner_text(".govuk-error-summary")
    _accessible(page)
    page.fill("#id_review_date", "31/03/2021")
    page.click("button:has-text('Save')")
    assert _h1(page) == "Add a section"
    _accessible(page)
    page.fill("#id_title", "Safe")
    page.click("button:has-text('Save')")
    assert _h1(page) == "Browser plan"
    assert page.inner_text("#completed") == "0 of 0 actions complete"
    page.click("text=Add an action")
    _accessible(page)
    page.fill("#id_ref", "1")
    page.fill("#id_action", "Recruit a chair for first CIN meetings")
    page.fill("#id_due", "31/12/2030")
    page.fill("#id_leads", "RG")
    page.select_option("#id_rag", "amber")
    page.click("button:has-text('Save')")
    assert _h1(page) == "Browser plan"
    _accessible(page)
    assert page.locator("#rag-counts tbody td").all_inner_texts() == ["0", "1", "0", "0"]
    page.click("text=Recruit a chair for first CIN meetings")
    assert _h1(page) == "Action 1"
    _accessible(page)
    page.click("text=Update RAG status")
    _accessible(page)
    page.select_option("#id_rag", "blue")
    page.fill("#id_comment", "Chair in post")
    page.click("button:has-text('Save')")
    assert _h1(page) == "Action 1"
    history = page.locator("#history tbody tr").all_inner_texts()
    assert len(history) == 2
    assert "Amber" in history[0] and "Blue (complete)" in history[0]
    assert "Chair in post" in history[0]
    page.click("text=Back to Browser plan")
    assert page.inner_text("#completed") == "1 of 1 action complete"
    assert page.locator("#rag-counts tbody td").all_inner_texts() == ["0", "0", "0", "1"]
    with page.expect_download() as download:
        page.click("text=Download as Word (DOCX)")
    target = tmp_path / "plan.docx"
    download.value.save_as(target)

    import docx

    tables = docx.Document(str(target)).tables
    cells = [c.text for c in tables[1].rows[1].cells]
    assert (cells[0], cells[3], cells[-1]) == (
        "1", "Recruit a chair for first CIN meetings", "Blue (complete)")
    if shutil.which("soffice"):
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(target)],
                       check=True, capture_output=True, timeout=120)
        text = (tmp_path / "plan.txt").read_text(encoding="utf-8-sig")
        assert "Recruit a chair for first CIN meetings" in text
