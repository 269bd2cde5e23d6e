"""The IRO service pages over the hand-made snapshot and register (iro_data.py), as on 31
March 2020: Manager and above only, the list one access-log event with every child shown,
a child's page one event, restricted children masked, the forms (bad dates first), the
Registers page's counts, and "No data" with no returns loaded."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.access.restricted.models import RestrictedRecord
from csc_insight.registers.iro_models import IroContact, IroEscalation

from ..pages import check_page
from .iro_data import make_iro_register, make_iro_snapshot

pytestmark = pytest.mark.django_db
LISTS = ["registers:iro", "registers:iro_escalation_new", "registers:iro_contact_new"]


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-03-31")


def _rows(doc, table: str) -> list[str]:
    return [
        " ".join(tr.text_content().split()) for tr in doc.xpath(f"//table[@id='{table}']/tbody/tr")
    ]


def _summary(doc, list_id: str) -> dict[str, str]:
    rows = doc.xpath(f"//dl[@id='{list_id}']/div")
    return {
        " ".join(r.xpath("string(dt)").split()): " ".join(r.xpath("string(dd)").split())
        for r in rows
    }


def test_who_may_open_the_pages(clients) -> None:
    for name in [*LISTS, "registers:iro_import"]:
        url = reverse(name)
        assert clients["anonymous"].get(url).status_code == 302
        for role in ("member", "auditor"):
            assert clients[role].get(url).status_code == 403, (name, role)
            assert clients[role].post(url, {}).status_code == 403, (name, role)
        for role in ("manager", "analyst", "administrator"):
            response = clients[role].get(url)
            assert response.status_code == 200, (name, role)
            check_page(response.content)
    index = check_page(clients["auditor"].get(reverse("registers:index")).content)
    assert index.xpath("//dl[@id='iro-summary']")
    assert not index.xpath("//a[@href='/registers/iro/']")  # counts only for an Auditor


def test_the_register_with_no_data_loaded(clients) -> None:
    """No snapshot: reviews, moves and the children's alerts are "No data", not 0."""
    IroEscalation.objects.create(
        child_id="C1", iro="AB", raised_on=date(2020, 2, 3), category="health"
    )
    doc = check_page(clients["manager"].get(reverse("registers:iro")).content)
    assert doc.xpath("//div[@id='iro-no-data']")
    year = _summary(doc, "iro-year")
    assert year["Reviews due by 31 March 2020, held in time"] == "No data"
    assert year["Placement moves"] == "No data"
    assert year["Escalations raised"] == "1"
    assert _rows(doc, "iro-alerts") == ["No data: no returns are loaded."]
    # raised Mon 3 Feb 2020: 20 working days to Mon 2 Mar; open on 31 March
    assert _rows(doc, "iro-escalations") == [
        "03/02/2020: edit the escalation for C1 C1 AB Health Informal: with the social worker "
        "or team manager Open Escalation unresolved after 20 working days at its stage"
    ]
    index = check_page(clients["manager"].get(reverse("registers:index")).content)
    counts = _summary(index, "iro-summary")
    assert counts["Escalation unresolved after 20 working days at its stage"] == "1"
    assert counts["Review overdue"] == "No data"


def test_the_register_over_the_returns(clients, home) -> None:
    """On 31 March 2020: M2's first review, due 29 Jan 2020, is overdue; 22 children looked
    after (L01-L20 AB's or CD's by their latest contact, M1 and M2 with no IRO recorded).
    2019-20: 41 reviews due, 36 in time; 37 of 40 reviews of children over 4 with the child
    taking part; 8 moves; 8 escalations, 28 contacts."""
    make_iro_snapshot(home)
    make_iro_register()
    response = clients["manager"].get(reverse("registers:iro"))
    doc = check_page(response.content)
    assert _summary(doc, "iro-year") == {
        "Reviews due by 31 March 2020, held in time": "36 of 41 (88%)",
        "Reviews of children aged 4 or over where the child took part": "37 of 40 (92%)",
        "Placement moves": "8",
        "Escalations raised": "8",
        "Escalations open": "1",
        "IRO contacts recorded": "28",
    }
    assert _rows(doc, "iro-alerts") == [
        "M2 No IRO recorded None in this period of care 29/01/2020 None recorded Review overdue"
    ]
    assert _rows(doc, "iro-caseloads") == [
        "AB 10 18 0",
        "CD 10 10 0",
        "EF 0 0 1",
        "No IRO recorded 2 0 0",
    ]
    event = AccessEvent.objects.get()
    assert event.route == "registers:iro"
    shown = event.children_shown
    # the alerted child, the escalations' (L01-L10), and the latest 25 contacts: L01-L08's
    # phone calls on 2 Jan 2020, then the visits on 2 Dec 2019 to L01-L17
    assert shown[0] == "M2" and set(shown) == {"M2", *(f"L{i:02d}" for i in range(1, 18))}
    assert len(_rows(doc, "iro-contacts")) == 25


def test_restricted_children_are_masked(clients, users, home) -> None:
    make_iro_snapshot(home)
    IroEscalation.objects.create(
        child_id="L01", iro="AB", raised_on=date(2020, 3, 2), category="health"
    )
    IroContact.objects.create(child_id="L01", iro="AB", contact_on=date(2020, 3, 3), kind="visit")
    RestrictedRecord.objects.create(
        child_id="L01", category="staff", reason="t", flagged_by=users["administrator"]
    )
    doc = check_page(clients["manager"].get(reverse("registers:iro")).content)
    assert _rows(doc, "iro-escalations") == ["Restricted record"]
    assert _rows(doc, "iro-contacts") == ["Restricted record"]
    assert "L01" not in AccessEvent.objects.get().children_shown
    assert clients["manager"].get(reverse("registers:iro_child", args=["L01"])).status_code == 403
    admin = check_page(clients["administrator"].get(reverse("registers:iro")).content)
    assert "L01" in admin.xpath("string(//table[@id='iro-escalations'])")


def test_a_childs_page(clients, home) -> None:
    """L17: five reviews held, the fifth (due 10 Mar 2020) late on 20 Mar; the sixth due 20
    Sep 2020. AB's visit on 2 Dec 2019 and nothing else. One access-log event for L17."""
    make_iro_snapshot(home)
    make_iro_register()
    response = clients["manager"].get(reverse("registers:iro_child", args=["L17"]))
    doc = check_page(response.content)
    facts = _summary(doc, "iro-child-summary")
    assert facts == {
        "Looked after now": "Yes, since 1 June 2018",
        "IRO": "CD",
        "Next review due": "20 September 2020",
        "Last IRO contact": "2 December 2019",
        "Alerts": "None",
    }
    rows = _rows(doc, "iro-child-reviews")
    assert rows[:2] == [
        "01/06/2018 6 20/09/2020 Not yet due",
        "01/06/2018 5 10/03/2020 20/03/2020 Late Attended; an advocate spoke for them",
    ]
    assert rows[-1] == "01/06/2018 1 29/06/2018 25/06/2018 Attended and spoke for themselves"
    assert doc.xpath("//ul[@id='iro-child-contacts']/li/a/text()") == ["2 December 2019"]
    m2 = check_page(clients["manager"].get(reverse("registers:iro_child", args=["M2"])).content)
    assert _rows(m2, "iro-child-reviews") == ["01/01/2020 1 29/01/2020 Not held Overdue"]
    events = AccessEvent.objects.order_by("pk")
    assert [(e.route, e.child_id) for e in events] == [
        ("registers:iro_child", "L17"),
        ("registers:iro_child", "M2"),
    ]
    assert clients["manager"].get(reverse("registers:iro_child", args=["Z9"])).status_code == 404


def test_escalation_form(clients) -> None:
    form = {
        "child_id": " c1 ",
        "iro": "AB",
        "raised_on": "02/03/2020",
        "category": "placement",
        "stage": "stage_1",
        "stage_on": "01/03/2020",
        "resolved_on": "",
        "outcome": "resolved",
        "notes": "",
    }
    bad = clients["manager"].post(reverse("registers:iro_escalation_new"), form)
    assert bad.status_code == 400
    doc = check_page(bad.content)
    assert doc.xpath("string(//p[@id='id_stage_on-error'])").split(":")[-1].strip() == (
        "Date it reached this stage must be on or after the date raised"
    )
    assert "Enter the date resolved or closed with the outcome" in doc.xpath(
        "string(//p[@id='id_resolved_on-error'])"
    )
    ok = {**form, "stage_on": "09/03/2020", "outcome": ""}
    assert clients["manager"].post(reverse("registers:iro_escalation_new"), ok).status_code == 302
    saved = IroEscalation.objects.get()
    assert (saved.child_id, saved.stage_on, saved.created_by.username) == (
        "C1",
        date(2020, 3, 9),
        "u-manager",
    )
    edit = reverse("registers:iro_escalation_edit", args=[saved.pk])
    done = {**ok, "resolved_on": "20/03/2020", "outcome": "partly"}
    assert clients["manager"].post(edit, done).status_code == 302
    saved.refresh_from_db()
    assert (saved.resolved_on, saved.outcome) == (date(2020, 3, 20), "partly")
    again = clients["manager"].post(reverse("registers:iro_escalation_new"), ok)
    assert again.status_code == 400
    assert b"already has an escalation about this issue raised that day" in again.content
    assert set(AccessEvent.objects.values_list("child_id", flat=True)) == {"C1"}


def test_contact_form(clients) -> None:
    form = {
        "child_id": "C1",
        "iro": "Someone With A Very Long Name",
        "contact_on": "31/02/2020",
        "kind": "",
        "notes": "",
    }
    bad = clients["manager"].post(reverse("registers:iro_contact_new"), form)
    assert bad.status_code == 400
    text = " ".join(
        check_page(bad.content).xpath("string(//div[@class='govuk-error-summary'])").split()
    )
    assert "The IRO's initials or code must be 20 characters or fewer" in text
    assert "Date must be a real date, for example 31/10/2020" in text
    assert "Choose the type of contact" in text
    good = {**form, "iro": "AB", "contact_on": "28/02/2020", "kind": "phone"}
    assert clients["manager"].post(reverse("registers:iro_contact_new"), good).status_code == 302
    assert IroContact.objects.get().kind == "phone"
    twice = clients["manager"].post(reverse("registers:iro_contact_new"), good)
    assert b"A contact of this type on that day is already recorded" in twice.content
