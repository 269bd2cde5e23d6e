"""The start page and the performance dashboards: overview, one page per area, one page per
indicator. Filters (period, breakdown) live in the query string so every view can be
bookmarked; no page here shows a child id (the drill-down is in drilldown.py).

Every figure goes through the disclosure policy for the user's audience (Members see small
numbers as "c" and no breakdown by worker or team); only analysts and administrators may
ask for a period that is not listed, and a user who asks for too many new figures at once
gets a 429 page (figures.TooManyComputations)."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from csc_insight.access import roles
from csc_insight.indicators import BREAKDOWNS, Definition, Figure, Period, PeriodError
from csc_insight.indicators import catalogue as indicator_catalogue
from csc_insight.indicators import get as get_definition
from csc_insight.indicators.catalogue import AREAS
from csc_insight.indicators.direction import direction
from csc_insight.indicators.periods import short_label
from csc_insight.indicators.settings import load_settings, load_targets
from csc_insight.reports.charts import Point, bar_chart, line_chart, sparkline
from csc_insight.reports.disclosure import is_suppressed, shown_value
from csc_insight.store import quarantine, snapshots
from csc_insight.web.dashboard import figures
from csc_insight.web.dashboard.area_sections import breakdown_order, fold
from csc_insight.web.dashboard.templatetags.figures import format_value
from csc_insight.web.policy import allow, may, sections_for

AREA_SLUGS = {slugify(area): area for area in AREAS}
COMPARATORS = (
    ("england", "England"),
    ("london", "London"),
    ("neighbours", "Statistical neighbours"),
)
# a regional pool's median (`benchmarks load` of its region_quarterly CSV): shown only when held
REGION_QUARTERLY = ("region_quarterly", "Region, quarterly")
BREAKDOWN_LABELS = {
    "team": "Team",
    "worker": "Worker",
    "age_band": "Age band",
    "gender": "Gender",
    "ethnicity": "Ethnicity",
    "disability": "Disability",
    "uasc": "Unaccompanied asylum-seeking",
}


@allow(roles.EVERYONE)
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    sections = [s for s in sections_for(request.user) if s["name"] != "dashboard:start"]
    return render(request, "dashboard/start.html", {"sections": sections})


class UnlistedPeriod(Exception):  # noqa: N818 (reads as the refusal it is)
    """A user who may only choose the listed periods asked for another one."""

    def __init__(self, asked: str, choices: list[tuple[str, str]]) -> None:
        super().__init__(asked)
        self.asked, self.choices = asked, choices


def _context(
    request: HttpRequest,
) -> tuple[snapshots.Snapshot | None, Period | None, dict[str, Any]]:
    """The current snapshot, the period asked for (or the default) and the picker's data.
    Only analysts and administrators may ask for a period that is not listed."""
    policy = figures.page_policy(request.user)
    try:
        snap = snapshots.current()
    except snapshots.SnapshotError:
        return None, None, {"snapshot": None, "policy": policy}
    try:
        period = figures.read_period(request.GET.get("period"), snap.id)
    except PeriodError as bad:
        raise Http404("No such period") from bad
    choices = figures.period_choices(snap.id)
    if period.label not in dict(choices):
        if not may(request.user, roles.DATA):
            raise UnlistedPeriod(request.GET.get("period", ""), choices)
        choices.insert(0, (period.label, period.describe()))
    return (
        snap,
        period,
        {
            "snapshot": snap,
            "period": period,
            "period_text": period.describe(),
            "period_choices": choices,
            "policy": policy,
            "may_drill": may(request.user, roles.CHILD_LEVEL),
        },
    )


def _refusals(view: Any) -> Any:
    """Render an unlisted period (400) and too many new figures (429) as pages."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            with figures.charging(f"user:{request.user.pk}"):
                return view(request, *args, **kwargs)
        except UnlistedPeriod as refused:
            return render(
                request,
                "dashboard/period_refused.html",
                {"asked": refused.asked, "choices": refused.choices, "path": request.path},
                status=400,
            )
        except figures.TooManyComputations as busy:
            response = render(
                request,
                "dashboard/busy.html",
                {
                    "minutes": max(1, (busy.retry_after + 59) // 60),
                    "limit": figures.COMPUTE_LIMIT,
                    "window": figures.COMPUTE_WINDOW // 60,
                },
                status=429,
            )
            response["Retry-After"] = str(busy.retry_after)
            return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _shown(definition: Definition, period: Period) -> bool:
    """An `asat:` day shows stock indicators only: a flow counts events over a period."""
    return not (period.kind == "asat" and definition.period_type == "flow")


def _points(figs: list[Figure]) -> tuple[Point, ...]:
    return tuple((short_label(f.period), shown_value(f.value)) for f in figs)


def _fmt(definition: Definition) -> Any:
    return lambda v: format_value(v, definition.unit)


def _comparators(result: Any) -> list[dict[str, Any]]:
    found = []
    pooled = [REGION_QUARTERLY] if REGION_QUARTERLY[0] in (result.comparators or {}) else []
    for key, label in (*COMPARATORS, *pooled):
        c = (result.comparators or {}).get(key)
        found.append(
            {
                "label": label,
                "value": c.get("value") if c else None,
                "status": c.get("status") if c else None,
                "year": c.get("year") if c else None,
                "release": c.get("release") if c else None,
            }
        )
    return found


@lru_cache(maxsize=4096)
def _svg(kind: str, indicator_id: str, points: tuple[Point, ...], chart_id: str) -> str:
    """A chart's SVG, memoised: the same figures always draw the same picture."""
    definition = get_definition(indicator_id)
    if kind == "sparkline":
        return mark_safe(
            sparkline(  # noqa: S308 (ElementTree escapes all text)
                points,
                title=f"{definition.title}: last {len(points)} quarters",
                chart_id=chart_id,
                fmt=_fmt(definition),
            )
        )
    draw = (
        bar_chart if definition.period_type == "flow" and definition.unit == "count" else line_chart
    )
    return mark_safe(
        draw(  # noqa: S308 (ElementTree escapes all text)
            points,
            title=f"{definition.title}, last {len(points)} quarters",
            chart_id=chart_id,
            fmt=_fmt(definition),
        )
    )


@lru_cache(maxsize=1024)
def _quarantined(snapshot_id: str, tables: tuple[str, ...], period: Period) -> tuple[str, ...]:
    """Sentences saying how many of the events behind a figure the load set aside."""
    con = snapshots.connect(snapshot_id)
    try:
        return tuple(
            quarantine.describe(quarantine.count_for(con, tables, period.start, period.end))
        )
    finally:
        con.close()


@dataclasses.dataclass(frozen=True)
class _NotCompared:
    """In place of a direction where a figure is suppressed."""

    arrow: str = ""
    change: str = "not compared"
    judgement: None = None

    def __str__(self) -> str:
        return "Not compared (small numbers)"


NOT_COMPARED = _NotCompared()


def _changes(result: Any) -> dict[str, Any]:
    """The figure against the previous quarter and the same period last year, each with
    its direction (arrow, up/down, better/worse by the indicator's polarity)."""
    previous = result.previous_quarters[-1] if result.previous_quarters else None
    found = {}
    for key, then in (("quarter", previous), ("year", result.same_period_last_year)):
        if then is not None and (is_suppressed(result.value) or is_suppressed(then.value)):
            # a suppressed figure ('c') is compared with nothing: a direction would tell
            found[key] = {
                "figure": dataclasses.replace(then, value=None),
                "direction": NOT_COMPARED,
            }
            continue
        found[key] = {
            "figure": then,
            "direction": direction(result.value, then.value if then else None, result.polarity),
        }
    return found


def _row(definition: Definition, result: Any, trend: list[Figure]) -> dict[str, Any]:
    return {
        "definition": definition,
        "result": result,
        "ok": result.status == "ok",
        "comparators": _comparators(result),
        "changes": _changes(result),
        "has_comparators": any(
            c and (c.get("value") is not None or c.get("status"))
            for c in (result.comparators or {}).values()
        ),
        "sparkline": _svg("sparkline", definition.id, _points(trend), f"spark-{definition.id}")
        if result.status == "ok"
        else "",
    }


@allow(roles.EVERYONE)
@require_GET
@_refusals
def overview(request: HttpRequest) -> HttpResponse:
    snap, period, context = _context(request)
    if snap is None or period is None:
        return render(request, "dashboard/overview.html", context)

    def make() -> tuple[list[dict[str, Any]], str]:
        found, trends, _ = figures.shown(
            snap.id, period, [d.id for d in indicator_catalogue()], None, context["policy"]
        )
        groups = []
        for area in AREAS:
            rows = [
                _row(d, found[d.id], trends.get(d.id, []))
                for d in indicator_catalogue()
                if d.area == area and _shown(d, period)
            ]
            if rows:
                groups.append({"area": area, "slug": slugify(area), "rows": rows})
        table = render_to_string("dashboard/_headlines.html", {**context, "groups": groups})
        return groups, table

    # The table is the same for everyone with the same disclosure policy: rendered once per
    # snapshot, period and policy, so a page view is only the page around it.
    groups, table = figures.rendered(snap, ("overview", period.label, context["policy"]), make)
    context["groups"] = groups
    context["headlines"] = mark_safe(table)  # noqa: S308 (rendered by Django's autoescaping)
    return render(request, "dashboard/overview.html", context)


def _chart(definition: Definition, trend: list[Figure], chart_id: str) -> str:
    return _svg("chart", definition.id, _points(trend), chart_id)


@allow(roles.EVERYONE)
@require_GET
@_refusals
def area(request: HttpRequest, area_slug: str) -> HttpResponse:
    name = AREA_SLUGS.get(area_slug)
    if name is None:
        raise Http404("No such area")
    snap, period, context = _context(request)
    policy = context["policy"]
    by = request.GET.get("by") or None
    if by is not None and by not in BREAKDOWNS:
        raise Http404("No such breakdown")
    if not policy.shows_breakdown(by):
        raise PermissionDenied("Breakdowns by worker or team are for staff")
    context.update(
        {
            "area": name,
            "area_slug": area_slug,
            "by": by or "",
            "breakdowns": [
                (k, label) for k, label in BREAKDOWN_LABELS.items() if policy.shows_breakdown(k)
            ],
            "by_label": BREAKDOWN_LABELS.get(by or "", ""),
        }
    )
    if snap is None or period is None:
        return render(request, "dashboard/area.html", context)
    definitions = [d for d in indicator_catalogue() if d.area == name and _shown(d, period)]
    ids = [d.id for d in definitions]
    found, trends, broken = figures.shown(snap.id, period, ids, by, policy)
    sections = []
    for d in definitions:
        result, trend = found[d.id], trends.get(d.id, [])
        ok = result.status == "ok"
        sections.append(
            {
                "definition": d,
                "result": result,
                "ok": ok,
                "trend": trend,
                "chart": _chart(d, trend, f"chart-{d.id}") if ok else "",
                "comparators": _comparators(result),
                "changes": _changes(result),
                "sparkline": _svg("sparkline", d.id, _points(trend), f"card-spark-{d.id}")
                if ok
                else "",
            }
        )
    if by:
        for s in sections:
            if s["ok"]:
                s["breakdown"] = breakdown_order(by, broken.get(s["definition"].id, []))
    context["sections"] = fold(sections)
    return render(request, "dashboard/area.html", context)


@allow(roles.EVERYONE)
@require_GET
@_refusals
def indicator(request: HttpRequest, indicator_id: str) -> HttpResponse:
    try:
        definition = get_definition(indicator_id)
    except KeyError as missing:
        raise Http404("No such indicator") from missing
    snap, period, context = _context(request)
    settings = load_settings()
    context.update(
        {
            "definition": definition,
            "area_slug": slugify(definition.area),
            "settings": settings,
            "target": load_targets().get(definition.id),
            "params": {
                **definition.params,
                **(settings.get("params") or {}).get(definition.id, {}),
            },
        }
    )
    if snap is None or period is None:
        return render(request, "dashboard/indicator.html", context)
    in_area = [d.id for d in indicator_catalogue() if d.area == definition.area]
    found, trends, _ = figures.shown(snap.id, period, in_area, None, context["policy"])
    result, trend = found[definition.id], trends.get(definition.id, [])
    tables = tuple(sorted({need.partition(".")[0] for need in definition.requires}))
    context.update(
        {
            "quarantined": _quarantined(snap.id, tables, period),
            "may_load": may(request.user, roles.DATA),
            "result": result,
            "ok": result.status == "ok",
            "trend": trend,
            "chart": _chart(definition, trend, f"chart-{definition.id}")
            if result.status == "ok"
            else "",
            "comparators": _comparators(result),
        }
    )
    return render(request, "dashboard/indicator.html", context)
