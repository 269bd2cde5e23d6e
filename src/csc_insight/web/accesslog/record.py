"""Writing an access event for a child-level view (the one way to do it)."""

from __future__ import annotations

from django.http import HttpRequest

from csc_insight.web.accesslog.models import AccessEvent


def record_access(request: HttpRequest, child_id: str, reason: str = "") -> AccessEvent:
    match = request.resolver_match
    return AccessEvent.objects.create(
        user_id=request.user.pk,
        username=request.user.get_username(),
        child_id=child_id,
        route=match.view_name if match else "",
        path=request.path[:300],
        reason=reason[:300],
    )
