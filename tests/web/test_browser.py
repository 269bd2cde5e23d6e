"""The app in real headless Chromium, served by gunicorn as `csc-insight serve` runs it:
sign in, start page, upload, a Member refused a child's journey, an Administrator restricting
a record and granting access; axe-core on every page."""

from __future__ import annotations

import time
from pathlib import Path

from .browser import MARKS, accessible, sign_in

pytestmark = MARKS


def test_analyst_signs_in_and_uploads(server: str, page, tmp_path: Path) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, server, "b-analyst")
    assert page.locator("h1").inner_text() == "Start"
    assert page.locator("body.govuk-frontend-supported").count() == 1  # our JS ran under CSP
    accessible(page)
    page.click("a.govuk-link:has-text('Data')")
    assert page.locator("h1").inner_text() == "Data"
    accessible(page)
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    page.set_input_files("#returns", str(picture))
    page.click("button:has-text('Upload and load')")
    page.wait_for_selector(".govuk-error-summary")
    assert "photo.png is not an .xlsx, .xml or .csv file" in page.inner_text(".govuk-error-summary")
    accessible(page)
    page.goto(f"{server}/children/C1/")
    assert page.locator("h1").inner_text() == "Child C1"
    accessible(page)
    # Refused uploads (400) and the browser's own favicon request (404) log load failures.
    assert [e for e in errors if not e.startswith("Failed to load resource")] == []


def test_member_refused_a_childs_journey(server: str, page) -> None:
    sign_in(page, server, "b-member")
    assert page.locator("h1").inner_text() == "Start"
    response = page.goto(f"{server}/children/C1/")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "You cannot open this page"
    accessible(page)


def test_administrator_restricts_a_record_and_grants_access(server: str, page) -> None:
    from datetime import date, timedelta

    sign_in(page, server, "b-administrator")
    page.click("a.govuk-link:has-text('Restricted records')")
    assert page.locator("h1").inner_text() == "Restricted records"
    accessible(page)
    page.click("text=Restrict a record")
    page.click("button:has-text('Restrict the record')")  # nothing entered: told what to do
    assert "Enter the child ID" in page.inner_text(".govuk-error-summary")
    accessible(page)
    page.fill("#id_child_id", "C1")
    page.select_option("#id_category", "relative")
    page.fill("#id_reason", "Nephew of a team manager")
    page.click("button:has-text('Restrict the record')")
    assert page.locator("h1").inner_text() == "Restricted record C1"
    accessible(page)
    until = date.today() + timedelta(days=14)
    page.select_option("#id_user", label="b-analyst (Performance analyst)")
    page.fill("#id_until", until.strftime("%d/%m/%Y"))
    page.fill("#id_reason", "Preparing the Ofsted Annex A")
    page.click("button:has-text('Grant access')")
    assert page.locator("tbody .govuk-tag").inner_text() == "Active"
    accessible(page)
    page.click("a.govuk-back-link")
    page.click("text=Review of grants")
    assert page.locator("h1").inner_text() == "Review of grants"
    assert "Preparing the Ofsted Annex A" in page.inner_text("tbody")
    accessible(page)


def test_member_turns_on_two_factor_and_signs_in_with_a_code(server: str, page) -> None:
    from base64 import b32decode

    from django_otp.oath import TOTP

    sign_in(page, server, "b-member")
    page.click("text=Set up two-factor authentication")
    assert page.locator("h1").inner_text() == "Set up two-factor authentication"
    accessible(page)
    key = b32decode(page.inner_text(".csc-secret").replace(" ", ""))
    totp = TOTP(key)
    page.fill("#id_code", f"{totp.token():06d}")
    page.click("button:has-text('Turn on two-factor authentication')")
    assert page.locator("h1").inner_text() == "Start"
    page.click("button:has-text('Sign out')")
    sign_in(page, server, "b-member")
    assert page.locator("h1").inner_text() == "Enter your code"
    accessible(page)
    totp.time = time.time() + 30  # the next code: the first was used up
    page.fill("#id_code", f"{totp.token():06d}")
    page.click("button:has-text('Continue')")
    assert page.locator("h1").inner_text() == "Start"
