"""The missing register's pages: the form, the child page beside the loaded episodes (one
episode, not two), the list with restricted records masked, the web import, the counts
page for everyone; every page that shows a child id is in the access log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.registers.models import MissingEpisode
from csc_insight.store import snapshots

from ..pages import check_page

pytestmark = pytest.mark.django_db


def _loaded(home: Path, *rows: tuple[str, str, str | None, bool | None]) -> None:
    """Missing episodes in the current test snapshot: (child, start, end, rhi offered)."""
    con = duckdb.connect(str(snapshots.current(home).path))
    for child, start, end, offered in rows:
        con.execute(
            "INSERT INTO missing_episodes (child_id, missing_type, start_date, "
            "end_date, rhi_offered, source) VALUES (?, 'M', CAST(? AS DATE), "
            "CAST(? AS DATE), ?, 'ssda903')",
            [child, start, end, offered],
        )
    con.close()


FORM = {
    "child_id": " c1 ",
    "missing_from": "care",
    "start": "01/10/2019",
    "reported_by": "Foster carer",
    "reported_on": "01/10/2019",
    "risk_noted_at_placement": "true",
    "strategy_meeting_on": "",
    "returned_on": "03/10/2019",
    "how_found": "Returned of own accord",
    "rhi_offered_on": "04/10/2019",
    "rhi_accepted": "false",
    "rhi_held_on": "",
    "themes": "Peer group",
    "lead_member_notified_on": "",
}


def test_the_form_saves_an_episode(clients, snapshot) -> None:
    response = clients["manager"].post(reverse("registers:missing_new"), FORM)
    assert response.status_code == 302
    assert response["Location"] == reverse("registers:missing_child", args=["C1"])
    saved = MissingEpisode.objects.get()
    assert (
        saved.child_id,
        saved.start,
        saved.returned_on,
        saved.rhi_offered_on,
        saved.risk_noted_at_placement,
        saved.rhi_accepted,
        saved.created_by.username,
    ) == ("C1", date(2019, 10, 1), date(2019, 10, 3), date(2019, 10, 4), True, False, "u-manager")
    # the edit form shows the saved values, and saves a change
    edit = reverse("registers:missing_edit", args=[saved.pk])
    page = clients["manager"].get(edit)
    assert page.status_code == 200
    doc = check_page(page.content)
    assert doc.xpath("//select[@name='rhi_accepted']/option[@selected]/@value") == ["false"]
    changed = {**FORM, "lead_member_notified_on": "08/10/2019"}
    assert clients["manager"].post(edit, changed).status_code == 302
    saved.refresh_from_db()
    assert saved.lead_member_notified_on == date(2019, 10, 8)


def test_the_form_refuses_impossible_dates_and_a_second_episode_on_one_day(
    clients, snapshot
) -> None:
    bad = {**FORM, "returned_on": "30/09/2019", "rhi_offered_on": "31/02/2019"}
    response = clients["manager"].post(reverse("registers:missing_new"), bad)
    assert response.status_code == 400
    doc = check_page(response.content)
    summary = [
        " ".join(a.text_content().split())
        for a in doc.xpath("//div[@class='govuk-error-summary']//a")
    ]
    assert summary == [
        "Date found or returned must be on or after the date missing from",
        "Return interview offered must be a real date, for example 31/10/2020",
    ]
    assert MissingEpisode.objects.count() == 0
    assert clients["manager"].post(reverse("registers:missing_new"), FORM).status_code == 302
    again = clients["manager"].post(reverse("registers:missing_new"), FORM)
    assert again.status_code == 400
    assert b"already has an episode starting that day" in again.content
    assert MissingEpisode.objects.count() == 1


def test_child_page_shows_loaded_episodes_beside_the_register_once(clients, home, snapshot) -> None:
    """Register: C1 from 1 Oct 2019. Loaded: C1 from 1 Oct 2019 (the same episode) and
    from 9 Dec 2019 (only in the returns), and C2 (another child). The page: 2 episodes."""
    MissingEpisode.objects.create(
        child_id="C1",
        missing_from="care",
        start=date(2019, 10, 1),
        returned_on=date(2019, 10, 3),
        rhi_offered_on=date(2019, 10, 4),
    )
    _loaded(
        home,
        ("C1", "2019-10-01", "2019-10-03", True),
        ("C1", "2019-12-09", None, None),
        ("C2", "2019-10-01", "2019-10-02", False),
    )
    response = clients["manager"].get(reverse("registers:missing_child", args=["C1"]))
    assert response.status_code == 200
    doc = check_page(response.content)
    rows = [
        [" ".join(td.text_content().split()) for td in tr.xpath("td")]
        for tr in doc.xpath("//table[@id='child-episodes']/tbody/tr")
    ]
    assert [r[0] for r in rows] == ["09/12/2019", "01/10/2019"]
    assert rows[0][4] == "Loaded returns"
    assert rows[1][4].startswith("Register and loaded returns")
    caption = " ".join(doc.xpath("//caption")[0].text_content().split())
    assert caption == "2 episodes: 1 in the register, 2 in the loaded returns"
    event = AccessEvent.objects.get()
    assert (event.child_id, event.username, event.route) == (
        "C1",
        "u-manager",
        "registers:missing_child",
    )


def test_list_masks_restricted_records_and_logs_the_ids_shown(
    clients, users, home, snapshot
) -> None:
    from csc_insight.access.restricted.models import RestrictedRecord

    MissingEpisode.objects.create(child_id="C1", missing_from="care", start=date(2019, 10, 1))
    MissingEpisode.objects.create(child_id="C9", missing_from="home", start=date(2019, 11, 1))
    RestrictedRecord.objects.create(
        child_id="C9", category="staff", reason="test", flagged_by=users["administrator"]
    )
    response = clients["manager"].get(reverse("registers:missing"))
    assert response.status_code == 200
    doc = check_page(response.content)
    text = doc.xpath("//table[@id='missing-episodes']")[0].text_content()
    assert "C9" not in text and "Restricted record" in text and "C1" in text
    event = AccessEvent.objects.get()
    assert event.children_shown == ["C1"]
    # an id typed into the form is checked too
    refused = clients["manager"].post(reverse("registers:missing_new"), {**FORM, "child_id": "c9"})
    assert refused.status_code == 403


def test_web_import_lists_the_quarantined_rows(clients, snapshot) -> None:
    upload = SimpleUploadedFile(
        "register.csv", b"CHILD,MISSING_FROM,START\nC1,care,01/10/2019\nC2,care,2019-13-01\n"
    )
    response = clients["manager"].post(reverse("registers:missing_import"), {"file": upload})
    assert response.status_code == 200
    doc = check_page(response.content)
    assert " ".join(doc.xpath("//*[@id='import-result']")[0].text_content().split()) == (
        "1 episode added, 0 updated, 1 row quarantined."
    )
    cells = [
        " ".join(td.text_content().split())
        for td in doc.xpath("//table[@id='import-problems']/tbody/tr/td")
    ]
    assert cells == [
        "register.csv, row 3, column C 'START'",
        "2019-13-01",
        "Expected a date as dd/mm/yyyy; the row was quarantined.",
    ]
    assert MissingEpisode.objects.get().child_id == "C1"


def test_counts_page_for_an_auditor_names_no_child(clients, home, snapshot) -> None:
    """Register: C1 (returned after 10 days, Lead Member not told). Loaded: C1 same
    episode, C2 another. Episodes 2; in the register 1; loaded 2; Lead Member alert 1."""
    MissingEpisode.objects.create(
        child_id="C1",
        missing_from="care",
        start=date(2019, 10, 1),
        returned_on=date(2019, 10, 11),
        rhi_offered_on=date(2019, 10, 11),
    )
    _loaded(
        home, ("C1", "2019-10-01", "2019-10-11", True), ("C2", "2019-10-01", "2019-10-02", True)
    )
    assert clients["member"].get(reverse("registers:index")).status_code == 403
    response = clients["auditor"].get(reverse("registers:index"))
    doc = check_page(response.content)
    rows = {
        " ".join(r.xpath("dt")[0].text_content().split()): r.xpath("dd")[0].text_content().strip()
        for r in doc.xpath("//dl[@id='missing-summary']/div")
    }
    assert rows["Episodes (register and loaded returns, each once)"] == "2"
    assert rows["Kept in the register"] == "1"
    assert rows["In the loaded returns"] == "2"
    assert rows["Missing more than 7 days and the Lead Member not notified"] == "1"
    assert rows["No return interview offered within 72 hours"] == "0"
    # what a reader sees and every link (not the raw bytes: a CSRF token may hold "C1")
    shown = doc.text_content() + " ".join(doc.xpath("//a/@href"))
    assert "C1" not in shown and "C2" not in shown
    register = reverse("registers:missing")
    assert not doc.xpath(f"//a[@href='{register}']")
    assert AccessEvent.objects.count() == 0


def test_no_data_and_no_episodes(clients) -> None:
    """No snapshot and an empty register: the pages open and say so."""
    response = clients["manager"].get(reverse("registers:missing"))
    assert response.status_code == 200
    doc = check_page(response.content)
    assert "No missing episodes recorded." in doc.text_content()
    assert "(no returns loaded)" in doc.text_content()
    counts = check_page(clients["auditor"].get(reverse("registers:index")).content)
    assert "No data" in counts.text_content()
