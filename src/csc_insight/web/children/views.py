"""A child's journey: details and a timeline, access-logged and never cached."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from csc_insight.store import snapshots
from csc_insight.store.journey import ChildNotFound, child_journey
from csc_insight.web import roles
from csc_insight.web.accesslog.record import record_access
from csc_insight.web.children.scope import may_view_child
from csc_insight.web.policy import allow

CHILD_FIELDS = [
    ("Date of birth", "dob"),
    ("Expected date of birth", "expected_dob"),
    ("Sex", "sex"),
    ("Ethnicity", "ethnicity"),
    ("Disability", "disability"),
    ("Unaccompanied asylum-seeking child", "uasc"),
    ("UPN", "upn"),
]


@allow(roles.CHILD_LEVEL | {roles.Role.AUDITOR})
@require_GET
@never_cache
def journey(request: HttpRequest, child_id: str) -> HttpResponse:
    if not may_view_child(request.user, child_id):
        raise PermissionDenied
    try:
        snap = snapshots.current()
        with snapshots.connect(snap.id) as con:
            found = child_journey(con, child_id)
    except (snapshots.SnapshotError, ChildNotFound) as missing:
        raise Http404("No such child in the current data") from missing
    record_access(request, found.child_id)
    details = []
    for label, key in CHILD_FIELDS:
        value = found.child.get(key)
        if value is not None:
            details.append((label, "Yes" if value is True else "No" if value is False else value))
    return render(
        request,
        "children/journey.html",
        {"journey": found, "details": details, "snapshot": snap},
    )
