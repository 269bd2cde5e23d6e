"""Access logging, the append-only log, sessions, throttling, CSRF and headers."""

from __future__ import annotations

import time

import pytest
from django.contrib.sessions.models import Session
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.web.sessions import LOGIN_AT

from .pages import check_page

pytestmark = pytest.mark.django_db
JOURNEY = "/children/C1/"


def test_journey_writes_one_event_and_no_data(clients, snapshot) -> None:
    response = clients["manager"].get(JOURNEY)
    assert response.status_code == 200
    doc = check_page(response.content)
    assert "2019-08-15" in doc.xpath("//time/@datetime")
    assert "no-store" in response["Cache-Control"]
    events = list(AccessEvent.objects.values("username", "child_id", "route", "path", "reason"))
    assert events == [
        {
            "username": "u-manager",
            "child_id": "C1",
            "route": "children:journey",
            "path": "/children/C1/",
            "reason": "",
        }
    ]


def test_refused_and_missing_children_are_not_logged(clients, snapshot) -> None:
    assert clients["auditor"].get(JOURNEY).status_code == 403
    assert clients["member"].get(JOURNEY).status_code == 403
    assert clients["manager"].get("/children/NOBODY/").status_code == 404
    assert AccessEvent.objects.count() == 0


@pytest.mark.parametrize(
    "sql",
    ["UPDATE accesslog_accessevent SET child_id = 'X'", "DELETE FROM accesslog_accessevent"],
)
def test_access_log_refuses_update_and_delete_in_the_database(clients, snapshot, sql) -> None:
    clients["manager"].get(JOURNEY)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        connection.cursor().execute(sql)
    assert list(AccessEvent.objects.values_list("child_id", flat=True)) == ["C1"]


def test_access_log_search_and_csv_export_escapes_formulas(clients, users) -> None:
    AccessEvent.objects.create(
        username="u-manager",
        child_id="C1",
        route="children:journey",
        path="/children/C1/",
        reason="=HYPERLINK(1)",
    )
    AccessEvent.objects.create(
        username="u-analyst",
        child_id="C2",
        route="children:journey",
        path="/children/C2/",
        reason="",
    )
    admin = clients["administrator"]
    page = admin.get(reverse("accesslog:search"), {"child": "c2"})
    cells = check_page(page.content).xpath("//tbody/tr/td[3]/text()")
    assert cells == ["C2"]
    export = admin.get(reverse("accesslog:export"), {"user": "u-manager"})
    lines = export.content.decode().splitlines()
    assert lines[0] == "at_utc,username,child_id,route,path,reason,children_shown"
    assert lines[1].endswith(",u-manager,C1,children:journey,/children/C1/,'=HYPERLINK(1),")
    assert len(lines) == 2


def test_login_throttled_after_five_failures(users) -> None:
    client = Client()
    users["member"].set_password("correct horse battery")
    users["member"].save()
    url = reverse("accounts:login")
    statuses = [
        client.post(url, {"username": "u-member", "password": "wrong"}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    locked = client.post(url, {"username": "u-member", "password": "correct horse battery"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_gives_a_new_session_and_logout_ends_it(users) -> None:
    users["analyst"].set_password("correct horse battery")
    users["analyst"].save()
    client = Client()
    client.get(reverse("accounts:login"))
    client.session.save()
    before = client.session.session_key
    response = client.post(
        reverse("accounts:login"), {"username": "u-analyst", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    after = client.session.session_key
    assert after != before
    assert Session.objects.filter(session_key=after).exists()
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=after).exists()
    assert client.get("/").status_code == 302


def test_inactivity_timeout(clients) -> None:
    client = clients["member"]
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    assert client.get("/").status_code == 302


def test_absolute_timeout(clients) -> None:
    client = clients["member"]
    assert client.get("/").status_code == 200
    session = client.session
    session[LOGIN_AT] = int(time.time()) - 10 * 60 * 60 - 1
    session.save()
    assert client.get("/").status_code == 302


def test_disabling_a_user_ends_their_sessions(clients, users) -> None:
    assert clients["manager"].get("/").status_code == 200
    response = clients["administrator"].post(
        reverse("accounts:user_disable", kwargs={"user_id": users["manager"].pk})
    )
    assert response.status_code == 302
    assert clients["manager"].get("/").status_code == 302
    users["manager"].refresh_from_db()
    assert users["manager"].is_active is False


def test_csrf_enforced(users) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["administrator"])
    url = reverse("accounts:user_role", kwargs={"user_id": users["member"].pk})
    assert client.post(url, {"role": "administrator"}).status_code == 403
    users["member"].refresh_from_db()
    assert users["member"].role == "member"


def test_security_headers(clients) -> None:
    response = clients["member"].get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    cookie = response.cookies["csc_session"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
