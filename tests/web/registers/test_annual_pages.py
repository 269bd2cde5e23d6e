"""The LADO and private fostering pages: Manager and above only (Members and Auditors are
refused, the counts on the Registers page are for staff), every list one access-log event
with the references or children it showed, restricted children masked, and the forms for
a contact, an arrangement, a visit and an awareness activity."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.access.restricted.models import RestrictedRecord
from csc_insight.registers.models import (
    AwarenessActivity,
    LadoContact,
    PrivateFostering,
)

from ..pages import check_page
from .lado_data import LADO_FORM

pytestmark = pytest.mark.django_db
LISTS = ["registers:lado", "registers:fostering"]
FORMS = ["registers:lado_new", "registers:fostering_new", "registers:awareness_new"]


def test_who_may_open_the_pages(clients) -> None:
    for name in LISTS + FORMS:
        url = reverse(name)
        assert clients["anonymous"].get(url).status_code == 302
        for role in ("member", "auditor"):
            assert clients[role].get(url).status_code == 403, (name, role)
            assert clients[role].post(url, {}).status_code == 403, (name, role)
        for role in ("manager", "analyst", "administrator"):
            response = clients[role].get(url)
            assert response.status_code == 200, (name, role)
            check_page(response.content)
    assert clients["member"].get(reverse("registers:index")).status_code == 403
    index = clients["auditor"].get(reverse("registers:index"))
    doc = check_page(index.content)
    assert doc.xpath("//dl[@id='lado-summary']") and doc.xpath("//dl[@id='fostering-summary']")
    assert not doc.xpath("//a[@href='/registers/lado/']")  # counts only for an Auditor


def test_lado_list_is_logged_with_alerts(clients) -> None:
    """L-1: a referral received 2 Oct 2019 with no initial meeting: by today, late and open
    more than twelve months."""
    LadoContact.objects.create(
        reference="L-1",
        received_on=date(2019, 10, 2),
        sector="education",
        category="physical",
        met_threshold=True,
    )
    LadoContact.objects.create(
        reference="L-2", received_on=date(2019, 10, 3), sector="sport", category="sexual"
    )
    response = clients["manager"].get(reverse("registers:lado"))
    doc = check_page(response.content)
    rows = [
        " ".join(tr.text_content().split())
        for tr in doc.xpath("//table[@id='lado-contacts']/tbody/tr")
    ]
    assert rows[0].startswith("L-2: edit the contact 03/10/2019 Sport Sexual abuse Threshold")
    assert rows[1].endswith(
        "Initial evaluation meeting not held within 5 working days Open more than twelve months"
    )
    event = AccessEvent.objects.get()
    assert (event.route, event.children_shown) == ("registers:lado", ["L-2", "L-1"])


def test_lado_form(clients) -> None:
    form = {**LADO_FORM, "initial_meeting_on": "01/10/2019"}  # before it was received
    refused = clients["manager"].post(reverse("registers:lado_new"), form)
    assert refused.status_code == 400
    check_page(refused.content)
    assert b"Initial evaluation meeting must be on or after the date received" in refused.content
    saved = clients["manager"].post(
        reverse("registers:lado_new"), {**form, "initial_meeting_on": "09/10/2019"}
    )
    assert saved.status_code == 302
    contact = LadoContact.objects.get()
    assert (contact.met_threshold, contact.initial_meeting_on, contact.created_by.username) == (
        True,
        date(2019, 10, 9),
        "u-manager",
    )
    edit = reverse("registers:lado_edit", args=[contact.pk])
    page = check_page(clients["manager"].get(edit).content)
    assert page.xpath("//select[@name='met_threshold']/option[@selected]/@value") == ["true"]
    done = {
        **form,
        "initial_meeting_on": "09/10/2019",
        "outcome": "unfounded",
        "concluded_on": "30/10/2019",
    }
    assert clients["manager"].post(edit, done).status_code == 302
    contact.refresh_from_db()
    assert (contact.outcome, contact.concluded_on) == ("unfounded", date(2019, 10, 30))
    again = clients["manager"].post(reverse("registers:lado_new"), done)
    assert again.status_code == 400
    assert b"already in the register" in again.content
    assert set(AccessEvent.objects.values_list("child_id", flat=True)) == {"L-9"}


def test_fostering_list_masks_restricted_children(clients, users) -> None:
    PrivateFostering.objects.create(child_id="C1", notified_on=date(2019, 10, 1))
    PrivateFostering.objects.create(child_id="C9", notified_on=date(2019, 11, 1))
    RestrictedRecord.objects.create(
        child_id="C9", category="staff", reason="t", flagged_by=users["administrator"]
    )
    AwarenessActivity.objects.create(held_on=date(2019, 7, 8), kind="pf_week", title="Stall")
    doc = check_page(clients["manager"].get(reverse("registers:fostering")).content)
    rows = [
        " ".join(tr.text_content().split())
        for tr in doc.xpath("//table[@id='fostering-arrangements']/tbody/tr")
    ]
    assert rows[0] == "Restricted record"
    assert rows[1].startswith("C1: edit the arrangement 01/10/2019 None recorded Not completed 0")
    assert "Initial visit not made within 7 days of notification" in rows[1]
    assert doc.xpath("//table[@id='awareness']//a/text()") == ["Stall"]
    assert AccessEvent.objects.get().children_shown == ["C1"]
    # the administrator may open the restricted record
    admin = check_page(clients["administrator"].get(reverse("registers:fostering")).content)
    assert "C9" in admin.xpath("string(//table[@id='fostering-arrangements'])")


def test_fostering_form_and_visits(clients) -> None:
    form = {
        "child_id": " c1 ",
        "notified_on": "01/10/2019",
        "notified_by": "School",
        "initial_visit_on": "03/10/2019",
        "assessment_completed_on": "",
        "ended_on": "",
        "end_reason": "",
        "notes": "",
    }
    assert clients["manager"].post(reverse("registers:fostering_new"), form).status_code == 302
    arrangement = PrivateFostering.objects.get()
    assert (arrangement.child_id, arrangement.initial_visit_on) == ("C1", date(2019, 10, 3))
    visit = reverse("registers:fostering_visit", args=[arrangement.pk])
    early = clients["manager"].post(visit, {"visit-visited_on": "30/09/2019", "visit-notes": ""})
    assert early.status_code == 400
    check_page(early.content)
    assert b"The date of visit must be on or after the date notified" in early.content
    ok = clients["manager"].post(visit, {"visit-visited_on": "14/11/2019", "visit-notes": "Well"})
    assert ok.status_code == 302
    twice = clients["manager"].post(visit, {"visit-visited_on": "14/11/2019"})
    assert b"A visit on that day is already recorded" in twice.content
    page = check_page(
        clients["manager"].get(reverse("registers:fostering_edit", args=[arrangement.pk])).content
    )
    assert page.xpath("//ul[@id='visits']/li/text()") == ["14 November 2019: Well"]
    late = {**form, "ended_on": "30/09/2019"}
    bad = clients["manager"].post(reverse("registers:fostering_edit", args=[arrangement.pk]), late)
    assert b"Arrangement ended must be on or after the date notified" in bad.content
    assert clients["manager"].post(reverse("registers:fostering_new"), form).status_code == 400


def test_awareness_form(clients) -> None:
    form = {
        "held_on": "08/07/2019",
        "kind": "pf_week",
        "title": "Stall at the library",
        "audience": "",
        "attendees": "-3",
        "notes": "",
    }
    bad = clients["manager"].post(reverse("registers:awareness_new"), form)
    assert bad.status_code == 400
    check_page(bad.content)
    assert (
        clients["manager"]
        .post(reverse("registers:awareness_new"), {**form, "attendees": "40"})
        .status_code
        == 302
    )
    assert AwarenessActivity.objects.get().attendees == 40
