"""The figures the dashboards show: indicator results for a period, cached in-process, the
8-quarter trends, the periods a snapshot covers, and the default (latest complete) quarter.

Snapshots are immutable, so a cached result is stale only when the current snapshot or the
indicator settings and targets change; both are in the cache key.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date
from typing import Any

from csc_insight.indicators import Figure, Period, Result, compute, coverage, parse_period
from csc_insight.indicators.engine import as_backend
from csc_insight.indicators.periods import financial_year, quarter, quarter_of, ytd
from csc_insight.indicators.settings import load_settings, load_targets
from csc_insight.settings import home
from csc_insight.store import snapshots

TREND_QUARTERS = 8
CACHE_SIZE = 256

# The files in $CSC_INSIGHT_HOME that override the shipped settings (indicators/settings.py).
OVERRIDES = ("indicator_settings.yaml", "targets.yaml")

_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_lock = threading.Lock()


def _override_stamps() -> tuple[tuple[str, int, int], ...]:
    """(name, mtime, size) of the local override files; the shipped ones never change."""
    stamps = []
    for name in OVERRIDES:
        path = home() / name
        stat = path.stat() if path.exists() else None
        stamps.append((name, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0))
    return tuple(stamps)


def settings_version() -> str:
    """A short hash of the indicator settings and targets in force (re-read only when an
    override file changes: parsing YAML on every page view would cost more than the page)."""
    stamps = _override_stamps()

    def make() -> str:
        text = json.dumps([load_settings(), load_targets()], sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    return _cached(("settings", str(home()), stamps), make)


def _cached(key: tuple[Any, ...], make: Any) -> Any:
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = make()  # outside the lock: other pages are served while this one computes
    with _lock:
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def results(snapshot_id: str, period: Period, ids: Sequence[str] | None = None,
            by: str | None = None, comparisons: bool = True) -> list[Result]:
    """compute() on a snapshot, cached by (snapshot, period, ids, by, settings)."""
    key = ("results", snapshot_id, period.label, tuple(ids or ()), by, comparisons,
           settings_version())

    def make() -> list[Result]:
        with snapshots.connect(snapshot_id) as con:
            return compute(con, period, ids=ids, by=by, comparisons=comparisons)

    return _cached(key, make)


def results_by_id(snapshot_id: str, period: Period) -> dict[str, Result]:
    """Every indicator's result for `period` (one cached computation shared by all pages)."""
    return {r.id: r for r in results(snapshot_id, period)}


def trend_quarters(period: Period) -> list[Period]:
    """The 8 quarters ending with the quarter in which `period` ends, oldest first."""
    end = quarter(*quarter_of(period.end))
    return [*end.previous_quarters(TREND_QUARTERS - 1), end]


def trends(snapshot_id: str, period: Period) -> dict[str, list[Figure]]:
    """Indicator id -> its figures for the 8 trend quarters, oldest first.

    Two compute() calls cover them: the last quarter gives itself and the four before it,
    and the same quarter a year earlier gives the three before those (and itself again).
    """
    quarters = trend_quarters(period)
    last, year_before = quarters[-1], quarters[-1].same_period_last_year()
    found: dict[str, dict[str, Figure]] = {}
    for anchor in (year_before, last):
        for result in results(snapshot_id, anchor):
            figures = found.setdefault(result.id, {})
            for fig in result.previous_quarters:
                figures[fig.period] = fig
            figures[anchor.label] = Figure(anchor.label, result.value, result.numerator,
                                           result.denominator, result.no_data)
    return {ident: [figs.get(q.label, Figure(q.label, None)) for q in quarters]
            for ident, figs in found.items()}


def data_extent(snapshot_id: str) -> tuple[date, date] | None:
    """The first and last dates a snapshot's data cover (indicators/coverage.py), or None
    when it has no dated event."""
    def make() -> tuple[date, date] | None:
        with snapshots.connect(snapshot_id) as con:
            extent = coverage.data_extent(as_backend(con))
        return (extent.first, extent.last) if extent else None

    return _cached(("extent", snapshot_id), make)


def latest_complete_quarter(snapshot_id: str) -> Period:
    """The default period: the last quarter the snapshot's data covers to (nearly) its end."""
    extent = data_extent(snapshot_id)
    return coverage.latest_complete_quarter(coverage.Extent(*extent) if extent else None)


def period_choices(snapshot_id: str) -> list[tuple[str, str]]:
    """(label, description) for every quarter, year to date and whole year the snapshot
    covers, newest first, up to the latest complete quarter."""
    last = latest_complete_quarter(snapshot_id)
    extent = data_extent(snapshot_id)
    first = quarter(*quarter_of(extent[0])) if extent else last
    choices: list[tuple[str, str]] = []
    q = last
    while q >= first or not choices:
        fy_year, number = quarter_of(q.end)
        if number == 4:
            year = financial_year(fy_year)
            choices.append((year.label, describe(year)))
        if number > 1:
            to_date = ytd(q.end)
            choices.append((to_date.label, describe(to_date)))
        choices.append((q.label, describe(q)))
        q = q.previous_quarters(1)[0]
    return choices


def describe(period: Period) -> str:
    """A period in words: 'Q3 2019-20 (October to December 2019)'."""
    if period.kind == "quarter":
        number = period.label.rsplit("Q", 1)[1]
        return (f"Q{number} {period.fy} ({period.start:%B} to {period.end:%B %Y})")
    if period.kind == "year":
        return f"{period.label} (April {period.start.year} to March {period.end.year})"
    if period.kind == "ytd":
        return f"{period.fy} year to date ({period.start:%B %Y} to {period.end:%-d %B %Y})"
    return period.label


def read_period(text: str | None, snapshot_id: str) -> Period:
    """The period asked for in the query string, or the default; PeriodError if unreadable."""
    return parse_period(text) if text else latest_complete_quarter(snapshot_id)


def warm() -> None:
    """Compute what the overview shows by default (the latest complete quarter and its
    trends) for the current snapshot, so the first visitor does not wait for it."""
    try:
        snapshot_id = snapshots.current().id
    except snapshots.SnapshotError:
        return
    period = latest_complete_quarter(snapshot_id)
    results_by_id(snapshot_id, period)
    trends(snapshot_id, period)
