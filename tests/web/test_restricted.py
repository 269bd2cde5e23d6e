"""Restricted records: a flagged child opens only for the named roles (Administrator by
default) or a grant in force; lists still count them but show no id or dates; grants are
time-limited, revocable, and reviewed with how often they were used.

The test snapshot (conftest.make_snapshot) holds one child, C1, with referral R1 on
1 July 2019 (so C1 is the one child behind referrals in 2019-20-Q2).
"""

from __future__ import annotations

from datetime import date, timedelta

import lxml.html
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.access.restricted import access
from csc_insight.access.restricted.models import Grant, RestrictedRecord
from csc_insight.web import settings as web_settings

from .pages import check_page

JOURNEY = reverse("children:journey", args=["C1"])
LIST = reverse("dashboard:children", args=["referrals", "2019-20-Q2"])


def _restrict(clients, child_id: str = "C1") -> RestrictedRecord:
    response = clients["administrator"].post(
        reverse("restricted:new"),
        {"child_id": child_id, "category": "staff", "reason": "Child of a social worker"},
    )
    assert response.status_code == 302
    return RestrictedRecord.objects.get(child_id=child_id)


def _grant(clients, users, record: RestrictedRecord, until: date, reason: str = "Audit"):
    return clients["administrator"].post(
        reverse("restricted:grant", args=[record.pk]),
        {"user": users["manager"].pk, "until": until.strftime("%d/%m/%Y"), "reason": reason},
    )


def test_a_restricted_journey_opens_only_for_named_roles(clients, users, snapshot) -> None:
    assert clients["manager"].get(JOURNEY).status_code == 200
    _restrict(clients)
    statuses = {
        who: clients[who].get(JOURNEY).status_code
        for who in ("manager", "analyst", "administrator")
    }
    assert statuses == {"manager": 403, "analyst": 403, "administrator": 200}
    # refused views are not logged as views of the child
    assert list(AccessEvent.objects.values_list("username", flat=True).filter(child_id="C1")) == [
        "u-administrator",
        "u-manager",
    ]


def test_a_grant_opens_it_until_it_ends_or_is_revoked(clients, users, snapshot) -> None:
    record = _restrict(clients)
    assert _grant(clients, users, record, access.today() + timedelta(days=7)).status_code == 302
    assert clients["manager"].get(JOURNEY).status_code == 200
    assert clients["analyst"].get(JOURNEY).status_code == 403  # the grant is the manager's
    held = Grant.objects.get()
    clients["administrator"].post(reverse("restricted:revoke", args=[held.pk]))
    assert clients["manager"].get(JOURNEY).status_code == 403
    held.refresh_from_db()
    assert held.revoked_by == users["administrator"]
    # a grant that ended yesterday opens nothing
    Grant.objects.create(
        record=record,
        user=users["manager"],
        reason="old",
        until=access.today() - timedelta(days=1),
        granted_by=users["administrator"],
    )
    assert clients["manager"].get(JOURNEY).status_code == 403


def test_lifting_opens_it_and_revokes_its_grants(clients, users, snapshot) -> None:
    record = _restrict(clients)
    _grant(clients, users, record, access.today() + timedelta(days=3))
    clients["administrator"].post(reverse("restricted:lift", args=[record.pk]))
    assert clients["analyst"].get(JOURNEY).status_code == 200
    assert Grant.objects.get().revoked_at is not None
    assert access.restricted_ids() == frozenset()


def test_grant_dates_are_checked(clients, users, snapshot) -> None:
    record = _restrict(clients)
    too_long = _grant(clients, users, record, access.today() + timedelta(days=91))
    assert too_long.status_code == 400
    doc = check_page(too_long.content)
    assert "A grant lasts at most 90 days: choose an earlier date" in doc.text_content()
    past = _grant(clients, users, record, access.today() - timedelta(days=1))
    assert "The last day of access must be today or later" in past.content.decode()
    assert not Grant.objects.exists()


def test_lists_count_a_restricted_child_without_naming_them(clients, users, snapshot) -> None:
    _restrict(clients)
    doc = check_page(clients["manager"].get(LIST).content)
    assert " ".join(doc.xpath("//caption")[0].text_content().split()) == "1 counted item"
    row = [" ".join(c.text_content().split()) for c in doc.xpath("//tbody/tr[1]/*")]
    assert row == ["Restricted record", "Yes", "Ask an Administrator for access"]
    assert "C1" not in lxml.html.tostring(doc.xpath("//main")[0]).decode()
    admin = check_page(clients["administrator"].get(LIST).content)
    assert admin.xpath("//tbody/tr[1]/th/a/text()") == ["C1"]


def test_auditor_needs_a_grant_as_well_as_the_round(clients, users, snapshot) -> None:
    from csc_insight.audits.models import Round

    round_ = Round.objects.create(
        title="Round", quarter="2019-20-Q3", snapshot_id=snapshot, access_until=date(2099, 1, 1)
    )
    round_.auditors.add(users["auditor"])
    case = round_.cases.create(child_id="C1", position=1)
    assert clients["auditor"].get(JOURNEY).status_code == 200
    _restrict(clients)
    assert clients["auditor"].get(JOURNEY).status_code == 403
    listing = check_page(
        clients["auditor"].get(reverse("audits:round", args=[round_.pk])).content
    ).text_content()
    assert "Restricted record You need a grant from an Administrator" in " ".join(listing.split())
    page = clients["auditor"].get(reverse("audits:case", args=[round_.pk, case.pk]))
    assert page.status_code == 200
    assert "This is a restricted record" in page.content.decode()
    assert 'id="journey"' not in page.content.decode()


def test_review_report_counts_views_while_the_grant_was_open(clients, users, snapshot) -> None:
    record = _restrict(clients)
    _grant(clients, users, record, access.today() + timedelta(days=30), reason="=cmd|x")
    clients["manager"].get(JOURNEY)
    clients["manager"].get(JOURNEY)
    clients["analyst"].get(JOURNEY)  # refused: not counted
    rows = access.review()
    assert [(r.child_id, r.user, r.status, r.views, r.restriction) for r in rows] == [
        ("C1", "u-manager", "Active", 2, "In force")
    ]
    page = check_page(clients["administrator"].get(reverse("restricted:review")).content)
    cells = [" ".join(c.text_content().split()) for c in page.xpath("//tbody/tr[1]/td")]
    assert cells[0] == "C1" and cells[-2:] == ["Active", "2"]
    export = clients["administrator"].get(reverse("restricted:review_export"))
    lines = export.content.decode().splitlines()
    assert lines[0] == ",".join(access.REVIEW_COLUMNS)
    assert "'=cmd|x" in lines[1]  # a formula is escaped


def test_admin_pages_render_and_warn_about_unknown_children(clients, users, snapshot) -> None:
    admin = clients["administrator"]
    response = admin.post(
        reverse("restricted:new"),
        {"child_id": "NOPE1", "category": "adoption", "reason": "Adoption order"},
        follow=True,
    )
    text = check_page(response.content).text_content()
    assert "NOPE1 is not in the current data" in text
    for name, args in (
        ("restricted:list", []),
        ("restricted:new", []),
        ("restricted:review", []),
        ("restricted:record", [RestrictedRecord.objects.get().pk]),
    ):
        check_page(admin.get(reverse(name, args=args)).content)
    empty = admin.post(reverse("restricted:new"), {})
    assert "Enter the child ID" in check_page(empty.content).text_content()


def test_restricted_roles_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_RESTRICTED_ROLES", "administrator, manager")
    assert web_settings._restricted_roles() == frozenset({"administrator", "manager"})
    monkeypatch.setenv("CSC_INSIGHT_RESTRICTED_ROLES", "administrator,boss")
    with pytest.raises(ImproperlyConfigured, match="unknown role"):
        web_settings._restricted_roles()


def test_named_roles_come_from_the_setting(clients, users, snapshot, settings) -> None:
    _restrict(clients)
    settings.RESTRICTED_ROLES = frozenset({"administrator", "manager"})
    assert clients["manager"].get(JOURNEY).status_code == 200
    assert clients["analyst"].get(JOURNEY).status_code == 403
