"""Every route declares its policy, and every route x role gives exactly what it should."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from csc_insight.web.policy import policy_of

from .conftest import SNAPSHOT_ID
from .pages import check_page

WHO = ["anonymous", "member", "auditor", "manager", "analyst", "administrator"]
BATCH = "20200401T100000Z-0123456789ab"

# GET status by route, for: anonymous, member, auditor, manager, analyst, administrator.
# 302 for anonymous = sent to sign in; 405 = the route takes POST only.
GET_EXPECTED: dict[str, list[int]] = {
    "dashboard:start": [302, 200, 200, 200, 200, 200],
    "accounts:login": [200, 302, 302, 302, 302, 302],
    "accounts:logout": [302, 405, 405, 405, 405, 405],
    "accounts:users": [302, 403, 403, 403, 403, 200],
    "accounts:user_new": [302, 403, 403, 403, 403, 200],
    "accounts:user_role": [302, 403, 403, 403, 403, 405],
    "accounts:user_disable": [302, 403, 403, 403, 403, 405],
    "imports:data": [302, 403, 403, 403, 200, 200],
    "imports:upload": [302, 403, 403, 403, 405, 405],
    "imports:result": [302, 403, 403, 403, 200, 200],
    "imports:use_snapshot": [302, 403, 403, 403, 405, 405],
    "children:journey": [302, 403, 403, 200, 200, 200],
    "accesslog:search": [302, 403, 403, 403, 403, 200],
    "accesslog:export": [302, 403, 403, 403, 403, 200],
}
# Unsafe routes: a POST from outside the policy is refused before the view runs.
POST_EXPECTED: dict[str, list[int]] = {
    "accounts:user_role": [302, 403, 403, 403, 403],
    "accounts:user_disable": [302, 403, 403, 403, 403],
    "accounts:user_new": [302, 403, 403, 403, 403],
    "imports:upload": [302, 403, 403, 403],
    "imports:use_snapshot": [302, 403, 403, 403],
}


def _patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            found.extend(_patterns(entry, ns))
        else:
            found.append((f"{prefix}{entry.name}", entry))
    return found


def _url(name: str, users: dict[str, object]) -> str:
    args = {
        "children:journey": {"child_id": "C1"},
        "imports:result": {"batch": BATCH},
        "imports:use_snapshot": {"snapshot_id": SNAPSHOT_ID},
        "accounts:user_role": {"user_id": users["member"].pk},
        "accounts:user_disable": {"user_id": users["member"].pk},
    }
    return reverse(name, kwargs=args.get(name))


@pytest.fixture
def result(home: Path) -> None:
    folder = home / "uploads" / BATCH
    folder.mkdir(parents=True)
    data = {"user": "u-analyst", "at": "2020-04-01T10:00:00+00:00", "files": ["a.csv"],
            "snapshot": None, "rows": {},
            "report": {"ok": False, "errors": 1, "warnings": 0, "not_listed": [], "issues": [
                {"severity": "error", "code": "bad_date", "file": "a.csv", "sheet": None,
                 "row": 3, "column": "DOB", "column_letter": "B", "value": "31/02/2019",
                 "message": "a date as dd/mm/yyyy"}]}}
    (folder / "result.json").write_text(json.dumps(data), encoding="utf-8")


def test_every_route_declares_a_policy() -> None:
    missing = [name for name, p in _patterns(get_resolver()) if policy_of(p.callback) is None]
    assert missing == []


def test_matrix_covers_every_route() -> None:
    assert sorted(GET_EXPECTED) == sorted(name for name, _ in _patterns(get_resolver()))


@pytest.mark.django_db
def test_get_matrix(clients, users, snapshot, result) -> None:
    seen = []
    for name, expected in GET_EXPECTED.items():
        url = _url(name, users)
        for who, status in zip(WHO, expected, strict=True):
            response = clients[who].get(url)
            seen.append((name, who, response.status_code))
            assert response.status_code == status, (name, who)
            if status == 302 and who == "anonymous":
                assert response["Location"].startswith(reverse("accounts:login"))
            if response["Content-Type"].startswith("text/html") and status in (200, 403, 404):
                check_page(response.content)
    unexpected_2xx = [s for s in seen if 200 <= s[2] < 300 and s[1] == "anonymous"
                      and s[0] != "accounts:login"]
    assert unexpected_2xx == []


@pytest.mark.django_db
def test_post_matrix(clients, users, snapshot) -> None:
    for name, expected in POST_EXPECTED.items():
        url = _url(name, users)
        for who, status in zip(WHO[: len(expected)], expected, strict=True):
            response = clients[who].post(url, {"role": "administrator"})
            assert response.status_code == status, (name, who)
    users["member"].refresh_from_db()
    assert users["member"].role == "member"
    assert users["member"].is_active is True
