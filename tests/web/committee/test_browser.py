"""Committee papers in headless Chromium: an analyst starts the performance report, edits
its summary and downloads all three formats; a Member downloads the Public paper and is
refused the appendix. axe-core on every page."""

from __future__ import annotations

from pathlib import Path

from ..browser import MARKS, accessible, sign_in

pytestmark = MARKS


def _start(page, base: str, kind: str) -> str:
    page.goto(f"{base}/committee/new/")
    assert page.locator("h1").inner_text() == "Start a paper"
    accessible(page)
    page.select_option("#id_kind", kind)
    page.fill("#id_meeting", "10/02/2020")
    # the latest complete quarter of the data is chosen to start with (the one child's
    # events run to 15 August 2019)
    assert page.input_value("#id_period") == "2019-20-Q1"
    page.click("button:has-text('Start')")
    page.wait_for_selector("textarea#id_summary")
    return page.url


def test_write_export_and_who_may_download(server: str, page, tmp_path: Path) -> None:
    sign_in(page, server, "b-analyst")
    page.click("a.govuk-link:has-text('Committee papers')")
    assert page.locator("h1").inner_text() == "Committee papers"
    accessible(page)
    edit_url = _start(page, server, "performance")
    accessible(page)
    page.fill("#id_summary", "Members are told what changed this quarter.")
    page.click("button:has-text('Save')")
    page.wait_for_selector(".govuk-notification-banner, .csc-paper")
    assert "Members are told what changed this quarter." in page.inner_text(".csc-paper")
    accessible(page)
    for fmt in ("docx", "pdf"):
        with page.expect_download() as info:
            page.click(f"a.govuk-link:text-is('{fmt.upper()}')")
        saved = tmp_path / f"paper.{fmt}"
        info.value.save_as(saved)
        assert saved.stat().st_size > 1000
    # HTML opens in the browser, styled (its <style> is allowed by the CSP).
    page.click("a.govuk-link:text-is('HTML')")
    page.wait_for_selector("main h1")
    assert "Members are told what changed" in page.inner_text("main")
    assert page.eval_on_selector("table", "t => getComputedStyle(t).borderCollapse") == "collapse"
    page.goto(edit_url)
    appendix_url = _start(page, server, "appendix")
    page.context.clear_cookies()
    sign_in(page, server, "b-member")
    page.goto(f"{server}/committee/")
    accessible(page)
    assert "Non-public appendix" not in page.inner_text("main")
    performance = edit_url.rstrip("/").split("/")[-1]
    response = page.request.get(f"{server}/committee/{performance}/paper.docx")
    assert response.status == 200
    appendix = appendix_url.rstrip("/").split("/")[-1]
    refused = page.goto(f"{server}/committee/{appendix}/paper.docx")
    assert refused.status == 403
    assert page.locator("h1").inner_text() == "You cannot open this page"
    accessible(page)
