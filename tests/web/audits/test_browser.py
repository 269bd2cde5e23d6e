"""Audits in real headless Chromium: plan a round, name an auditor who completes an audit,
moderate it, raise a plan action from a finding, open the round report; axe on every page."""

from __future__ import annotations

import os
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
from .conftest import make_audit_snapshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    env = {**os.environ, "CSC_INSIGHT_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    for role in ("manager", "auditor"):
        subprocess.run([CLI, "createuser", f"b-{role}", "--role", role, "--password-stdin"],
                       input=PASSWORD + "\n", text=True, env=env, check=True,
                       capture_output=True)
    subprocess.run([CLI, "plans", "demo"], env=env, check=True, capture_output=True)
    make_audit_snapshot(tmp_path)
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


def test_plan_audit_moderate_act_report(server: str, page) -> None:  # noqa: F811
    _sign_in(page, server, "b-manager")
    page.goto(f"{server}/audits/")
    assert _h1(page) == "Audits"
    _accessible(page)
    page.click("text=Plan a round")
    assert _h1(page) == "Plan a round"
    _accessible(page)
    page.fill("#id_quarter", "2019-20-Q3")
    page.click("button:has-text('Propose a sample')")
    assert page.locator("#sample tbody tr").count() == 3
    _accessible(page)
    page.click("button:has-text('Create the round')")
    assert _h1(page) == "Quarterly audit 2019-20-Q3"
    _accessible(page)
    page.check("text=b-auditor")
    page.click("button:has-text('Save auditors')")

    auditor = page.context.browser.new_page()
    _sign_in(auditor, server, "b-auditor")
    auditor.goto(f"{server}/audits/")
    auditor.click("text=Quarterly audit 2019-20-Q3")
    auditor.click("text=Audit case 1")
    assert _h1(auditor) == "Audit case 1"
    _accessible(auditor)
    assert "Referral" in auditor.inner_text("#journey")
    auditor.select_option("#id_family_grade", "requires_improvement")
    auditor.fill("#id_family_improve", "Record the views of partner agencies.")
    auditor.click("button:has-text('Save the audit')")
    assert "Choose an overall grade" in auditor.inner_text(".govuk-error-summary")
    _accessible(auditor)
    auditor.select_option("#id_overall", "good")
    auditor.click("button:has-text('Save the audit')")
    assert _h1(auditor) == "Quarterly audit 2019-20-Q3"
    assert "Good" in auditor.inner_text("#cases tbody tr:first-child")

    page.reload()
    page.click("#cases tbody tr:first-child >> text=Moderate")
    assert _h1(page) == "Moderate case 1"
    _accessible(page)
    page.select_option("#id_grade_family", "good")
    page.fill("#id_reason", "Partner views are in the core group minutes.")
    page.click("button:has-text('Save the moderation')")
    assert "Moderated" in page.inner_text("#cases tbody tr:first-child")
    page.click("#cases a:text-is('Case 1')")
    page.click("text=Raise a plan action: Views of family and partners")
    assert _h1(page) == "Raise a plan action from a finding"
    _accessible(page)
    page.select_option("#id_plan_section", label="Service Development Plan 2020-21: Community")
    page.fill("#id_ref", "A9")
    page.fill("#id_due", "31/03/2030")
    page.click("button:has-text('Save')")
    assert "Action A9 added to Service Development Plan 2020-21" in page.inner_text("main")
    page.click("text=Round report")
    assert _h1(page) == "Quarterly audit 2019-20-Q3: summary of findings"
    _accessible(page)
    family = page.locator("#grades tbody tr", has_text="Views of family and partners")
    assert family.locator("td").all_inner_texts() == ["0", "1", "0", "0", "100.0%"]
    assert "Record the views of partner agencies." in page.inner_text("#findings")
    page.goto(f"{server}/audits/trends/")
    _accessible(page)
    page.goto(f"{server}/audits/alerts/")
    _accessible(page)
