"""Writing an access event for a child-level view (the one way to do it): one child's record,
or one list of children (every id it showed, in one event, searchable by child)."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from csc_insight.access.accesslog.models import LIST_CHILD_ID, AccessEvent


def joined_ids(child_ids: Iterable[str]) -> str:
    """The ids of a list as AccessEvent.child_ids holds them: ' C1 C2 ' (each once)."""
    return f" {' '.join(dict.fromkeys(child_ids))} "


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


def record_list(request: HttpRequest, child_ids: Iterable[str], reason: str = "") -> AccessEvent:
    """One event for a page that lists children, with every id it showed."""
    match = request.resolver_match
    return AccessEvent.objects.create(
        user_id=request.user.pk,
        username=request.user.get_username(),
        child_id=LIST_CHILD_ID,
        child_ids=joined_ids(child_ids),
        route=match.view_name if match else "",
        path=request.path[:300],
        reason=reason[:300],
    )


def record_command(
    username: str, user_id: int | None, command: str, child_ids: Iterable[str], reason: str = ""
) -> AccessEvent:
    """One event for a command-line run that printed children (route `cli:<command>`)."""
    return AccessEvent.objects.create(
        user_id=user_id,
        username=username[:150],
        child_id=LIST_CHILD_ID,
        child_ids=joined_ids(child_ids),
        route=f"cli:{command}"[:100],
        path=f"csc-insight {command}"[:300],
        reason=reason[:300],
    )
