"""A child's journey: details and a timeline, access-logged and never cached."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_access
from csc_insight.store import snapshots
from csc_insight.store.journey import ChildNotFound, child_journey
from csc_insight.store.journey_summary import journey_summary
from csc_insight.web.children.scope import may_view_child
from csc_insight.web.policy import allow


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
            summary = journey_summary(con, found.child_id)
    except (snapshots.SnapshotError, ChildNotFound) as missing:
        raise Http404("No such child in the current data") from missing
    record_access(request, found.child_id)
    return render(
        request,
        "children/journey.html",
        {"journey": found, "summary": summary, "snapshot": snap},
    )
