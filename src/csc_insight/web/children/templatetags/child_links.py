"""`{% child_link id %}`: a child's id as a link to the child's journey, or with a route's
name (`{% child_link id 'registers:iro_child' %}`) to that page of the child.

Only an id in the canonical form (letters, digits, - and _; `common.child_ids`) can be a
URL. An id the returns spell otherwise (`KID.3`: the DfE's CIN rule 1580 allows letters and
digits only) is shown as text, saying why it does not open, instead of failing the whole
page; the load's report names such ids (`store.loader.warn_unopenable_ids`).
"""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from csc_insight.common.child_ids import ALLOWED, is_canonical

register = template.Library()


@register.simple_tag
def child_link(child_id: str | None, route: str = "children:journey") -> SafeString | str:
    """The id linked to the child's page `route`; the id as text where it cannot be a URL."""
    if not child_id:
        return ""
    if not is_canonical(child_id):
        return format_html(
            '{} <span class="govuk-hint govuk-!-display-inline">(cannot be opened: a child '
            "id is {})</span>",
            child_id,
            ALLOWED,
        )
    return format_html(
        '<a class="govuk-link" href="{}">{}</a>', reverse(route, args=[child_id]), child_id
    )
