"""Audits in real headless Chromium: plan a round, name an auditor who completes an audit,
moderate it, raise a plan action from a finding, open the round report; axe on every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..browser import MARKS, accessible, serving, settling, sign_in
from .conftest import make_audit_snapshot

pytestmark = MARKS


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    make_audit_snapshot(tmp_path, to_december=True)
    with serving(tmp_path, ("manager", "auditor"), commands=[["plans", "demo"]]) as url:
        yield url


def _h1(page) -> str:
    return page.locator("h1").inner_text()


def test_plan_audit_moderate_act_report(server: str, page) -> None:
    sign_in(page, server, "b-manager")
    page.goto(f"{server}/audits/")
    assert _h1(page) == "Audits"
    accessible(page)
    page.click("text=Plan a round")
    assert _h1(page) == "Plan a round"
    accessible(page)
    page.select_option("#id_quarter", "2019-20-Q3")
    page.click("button:has-text('Propose a sample')")
    expect(page.locator("#sample tbody tr")).to_have_count(3)
    accessible(page)
    page.click("button:has-text('Create the round')")
    assert _h1(page) == "Quarterly audit Q3 2019-20"
    accessible(page)
    page.check("text=b-auditor")
    page.click("button:has-text('Save auditors')")

    auditor = settling(page.context.browser.new_page())
    sign_in(auditor, server, "b-auditor")
    auditor.goto(f"{server}/audits/")
    auditor.click("text=Quarterly audit Q3 2019-20")
    auditor.click("text=Audit case 1")
    assert _h1(auditor) == "Audit case 1"
    accessible(auditor)
    assert "Referral" in auditor.inner_text("#journey")
    auditor.select_option("#id_family_grade", "requires_improvement")
    auditor.fill("#id_family_improve", "Record the views of partner agencies.")
    auditor.click("button:has-text('Save the audit')")
    assert "Choose an overall grade" in auditor.inner_text(".govuk-error-summary")
    accessible(auditor)
    auditor.select_option("#id_overall", "good")
    auditor.click("button:has-text('Save the audit')")
    assert _h1(auditor) == "Quarterly audit Q3 2019-20"
    assert "Good" in auditor.inner_text("#cases tbody tr:first-child")

    page.reload()
    page.click("#cases tbody tr:first-child >> text=Moderate")
    assert _h1(page) == "Moderate case 1"
    accessible(page)
    page.select_option("#id_grade_family", "good")
    page.fill("#id_reason", "Partner views are in the core group minutes.")
    page.click("button:has-text('Save the moderation')")
    assert "Moderated" in page.inner_text("#cases tbody tr:first-child")
    page.click("#cases a:text-is('Case 1')")
    page.click("text=Raise a plan action: Views of family and partners")
    assert _h1(page) == "Raise a plan action from a finding"
    accessible(page)
    page.select_option("#id_plan_section", label="Service Development Plan 2019-20: Community")
    page.fill("#id_ref", "A9")
    page.fill("#id_due", "31/03/2030")
    page.click("button:has-text('Save')")
    assert "Action A9 added to Service Development Plan 2019-20" in page.inner_text("main")
    page.click("text=Round report")
    assert _h1(page) == "Quarterly audit Q3 2019-20: summary of findings"
    accessible(page)
    family = page.locator("#grades tbody tr", has_text="Views of family and partners")
    assert family.locator("td").all_inner_texts() == ["0", "1", "0", "0", "100.0%"]
    assert "Record the views of partner agencies." in page.inner_text("#findings")
    page.goto(f"{server}/audits/trends/")
    accessible(page)
    page.goto(f"{server}/audits/alerts/")
    accessible(page)
