"""`{% load_note snapshot %}`: the load behind a page in words, linked to its details on
the Data page for the roles that may open it; no technical id on ordinary pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html

from csc_insight.store import snapshots
from csc_insight.store.load_summary import describe_load
from csc_insight.store.snapshots import Snapshot
from csc_insight.web.imports import views
from csc_insight.web.policy import may, policy_of

register = template.Library()


@register.simple_tag(takes_context=True)
def load_note(
    context: dict[str, Any], snap: Snapshot | str | None, lead: str = "Data loaded"
) -> str:
    """'Data loaded 1 December 2026 from 24 files' with a link to the load on the Data page
    (Analysts and Administrators); plain text for everyone else. `snap` may be a load's id
    (an audit round keeps the id it sampled from)."""
    if not snap:
        return ""
    if isinstance(snap, str):
        try:
            snap = snapshots.get(snap)
        except snapshots.SnapshotError:
            return "Data from a load that has since been removed"
    text = describe_load(snap, lead)
    user = context.get("user")
    if user is not None and may(user, policy_of(views.data)):
        url = reverse("imports:data") + f"#load-{snap.id}"
        return format_html('<a class="govuk-link" href="{}">{}</a>', url, text)
    return text
