"""The children behind a figure: child-level roles only, never cached, access-logged.

Indicator and period are path segments and the only query parameters are the filter and
page number, so no child id ever sits in a URL a Member could be shown.

Access log: one event per list view (SECURITY.md: child-level reads write exactly one
event). The event's child id is "*list*" and it holds every id the page showed (so a
search by child finds it); its route and path name the indicator and period, and its
reason records how many children the list showed and from which snapshot.

A restricted child the user may not open still counts, but their row shows neither id nor
dates (csc_insight.access.restricted).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_list
from csc_insight.access.restricted.access import hidden_from
from csc_insight.indicators import PeriodError, children, parse_period
from csc_insight.indicators import get as get_definition
from csc_insight.store import snapshots
from csc_insight.web.policy import allow

PAGE_SIZE = 200
SHOW = {
    "all": "Everyone counted",
    "numerator": "In the numerator only",
    "denominator": "In the denominator only",
    "outside": "In the denominator but not the numerator (e.g. out of timescale)",
}


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def drilldown(request: HttpRequest, indicator_id: str, period: str) -> HttpResponse:
    try:
        definition = get_definition(indicator_id)
        chosen = parse_period(period)
        snap = snapshots.current()
    except (KeyError, PeriodError, snapshots.SnapshotError) as missing:
        raise Http404("No such indicator, period or data") from missing
    show = request.GET.get("show", "all")
    if show not in SHOW:
        raise Http404("No such filter")
    try:
        with snapshots.connect(snap.id) as con:
            rows = children(con, definition.id, chosen)
    except LookupError as unavailable:
        raise Http404(str(unavailable)) from unavailable
    if show == "numerator":
        rows = [r for r in rows if r.in_numerator]
    elif show == "denominator":
        rows = [r for r in rows if r.in_denominator]
    elif show == "outside":
        rows = [r for r in rows if r.in_denominator and not r.in_numerator]
    # the ones a manager acts on first: counted but outside the numerator (late, unseen...)
    rows = sorted(rows, key=lambda r: not (r.in_denominator and not r.in_numerator))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    hidden = hidden_from(request.user, (r.child_id for r in page.object_list))
    record_list(
        request,
        [r.child_id for r in page.object_list if r.child_id not in hidden],
        reason=f"list: {definition.id} {chosen.label} {show}, page {page.number}, "
        f"{len(page.object_list)} of {len(rows)} children, snapshot {snap.id}",
    )
    return render(
        request,
        "dashboard/drilldown.html",
        {
            "definition": definition,
            "period": chosen,
            "period_text": chosen.describe(),
            "snapshot": snap,
            "rows": page.object_list,
            "page": page,
            "total": len(rows),
            "show": show,
            "show_choices": list(SHOW.items()),
            "hidden": hidden,
        },
    )
