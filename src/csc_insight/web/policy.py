"""Who may open each route: every view declares it, and undeclared views are refused.

    @allow(roles.DATA)          # logged-in users with one of these roles
    @public                     # no login (the login page only)

`PolicyMiddleware` enforces the declaration before the view runs: anonymous users are sent
to the login page, logged-in users outside the policy get 403, and a view with no
declaration gets 403 for everyone (tests/web/test_access.py fails on it too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from csc_insight.access import roles
from csc_insight.access.roles import Role

POLICY_ATTR = "csc_policy"
PUBLIC = "public"

View = Callable[..., HttpResponse]


def allow(allowed: Iterable[Role]) -> Callable[[View], View]:
    """Declare the roles that may open a view (login always required)."""
    frozen = frozenset(allowed)

    def mark(view: View) -> View:
        setattr(view, POLICY_ATTR, frozen)
        return view

    return mark


def public(view: View) -> View:
    """Declare a view open to anyone, logged in or not."""
    setattr(view, POLICY_ATTR, PUBLIC)
    return view


def policy_of(view: Callable[..., Any]) -> frozenset[Role] | str | None:
    return getattr(view, POLICY_ATTR, None)


def may(user: Any, allowed: frozenset[Role] | str | None) -> bool:
    if allowed == PUBLIC:
        return True
    if allowed is None or not user.is_authenticated or not user.is_active:
        return False
    return user.role in allowed


class PolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        allowed = policy_of(view)
        if allowed == PUBLIC:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse(settings.LOGIN_URL))
        if not may(request.user, allowed):
            raise PermissionDenied
        return None


# What the start page and the navigation offer, by role: (url name, label, description).
SECTIONS: list[tuple[str, str, str, frozenset[Role]]] = [
    ("dashboard:start", "Home", "What you can use.", roles.EVERYONE),
    (
        "dashboard:overview",
        "Performance",
        "The headline indicators for any quarter or year, each area's trends and breakdowns, "
        "and comparisons with England, London and statistical neighbours.",
        roles.EVERYONE,
    ),
    (
        "plans:list",
        "Plans",
        "Improvement and action plans: progress, RAG history, my actions, import and export.",
        roles.EVERYONE,
    ),
    (
        "committee:list",
        "Committee papers",
        "Performance, plan and audit reports, appendices "
        "and agendas for the Safeguarding Sub-Committee, as DOCX, PDF and HTML.",
        roles.EVERYONE,
    ),
    (
        "audits:list",
        "Audits",
        "Case-file audit rounds: plan a sample, audit and moderate, act on findings, reports.",
        roles.EVERYONE,
    ),
    (
        "registers:index",
        "Registers",
        "Children missing from home, care and education; allegations about adults who "
        "work with children (LADO); private fostering; providers and their Ofsted ratings; "
        "safeguarding champions; the IRO service's reviews and escalations; the Virtual "
        "School's looked-after pupils: entries, timescales, alerts and counts.",
        roles.STAFF,
    ),
    (
        "imports:data",
        "Data",
        "Upload the statutory returns and local extras, see the validation report and "
        "load history, and switch back to an earlier load.",
        roles.DATA,
    ),
    (
        "accesslog:search",
        "Access log",
        "Who viewed which child's record, when and why; export as CSV.",
        roles.ADMIN,
    ),
    (
        "restricted:list",
        "Restricted records",
        "Children whose records only named roles and "
        "time-limited grants open; the review of grants.",
        roles.ADMIN,
    ),
    ("accounts:users", "Users", "Add users, change roles, disable accounts.", roles.ADMIN),
]


def sections_for(user: Any) -> list[dict[str, str]]:
    return [
        {"url": reverse(name), "label": label, "description": text, "name": name}
        for name, label, text, allowed in SECTIONS
        if may(user, allowed)
    ]


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Template context: the council's name and the sections this user may open."""
    user = getattr(request, "user", None)
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = sections_for(user) if user is not None else []
    for item in items:
        item["active"] = "1" if item["name"] == current else ""
    return {"council_name": settings.COUNCIL_NAME, "nav_items": items}
