"""Providers (seed 000, "Independent Fostering Agencies"): each provider's Ofsted ratings
and the City's monitoring visits, where our looked-after children live (the SSDA903
episode's URN joined to the provider's), and the alerts.

Alerts, as at a day (`on`; inspections and visits after it are not yet known):
- `downgraded` / `upgraded`: the latest inspection (within the 12 months up to `on`) gave a
  different rating from the one before it, and our children live there now. The
  performance team feeds a change back to the Children and Families Team; a downgrade most
  of all. With no data loaded it is not known where children live, so every change fires.
  A first inspection (no rating before) is not a change.
- `visit_overdue`: no annual monitoring visit in the 12 months up to `on` (the last one
  more than 12 calendar months ago, or none): every provider on the register is visited
  once a year against the national minimum standards.

Children placed with a provider on a day: an SSDA903 episode at its URN that started on or
before the day and ended after it (or is still open); "now" is every open episode in the
snapshot. Each child counts once per provider.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from csc_insight.store import snapshots

# Best first; a downgrade is a move down this list.
RATINGS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
RANK = {code: len(RATINGS) - i for i, code in enumerate(RATINGS)}
NOT_INSPECTED = "Not yet inspected"
VISIT_MONTHS = 12
CHANGE_MONTHS = 12
URN_PATTERN = re.compile(r"[A-Z0-9]{6,10}")
URN_EXPECTED = "an Ofsted URN of 6 to 10 letters and digits, such as SC123456"

ALERTS = {
    "downgraded": "Ofsted rating down where our children live",
    "upgraded": "Ofsted rating changed (up) where our children live",
    "visit_overdue": "No monitoring visit in the last 12 months",
}


def normal_urn(text: str) -> str | None:
    """The URN upper-cased without spaces, or None when it is not one (the SSDA903's
    'not applicable' XXXXXXX is not a provider's URN)."""
    urn = re.sub(r"\s+", "", text).upper()
    if not URN_PATTERN.fullmatch(urn) or set(urn) == {"X"}:
        return None
    return urn


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (the month's last day when it has
    fewer: 29/02/2020 + 12 months is 28/02/2021)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Judgement:
    inspected_on: date
    rating: str  # a key of RATINGS

    @property
    def label(self) -> str:
        return RATINGS[self.rating]


@dataclass(frozen=True)
class Visit:
    visited_on: date
    result: str  # met, partly, not_met


@dataclass(frozen=True)
class ProviderState:
    """One provider as at a day, newest inspection and visit first, with its alerts."""

    urn: str
    name: str
    kind: str
    ratings: tuple[Judgement, ...] = ()
    visits: tuple[Visit, ...] = ()
    children_now: int | None = None  # None: no data loaded
    provider_id: int | None = None
    alerts: tuple[str, ...] = field(default=())

    @property
    def current(self) -> Judgement | None:
        return self.ratings[0] if self.ratings else None

    @property
    def previous(self) -> Judgement | None:
        return self.ratings[1] if len(self.ratings) > 1 else None

    @property
    def rating_label(self) -> str:
        return self.current.label if self.current else NOT_INSPECTED

    @property
    def last_visit(self) -> Visit | None:
        return self.visits[0] if self.visits else None


def change(ratings: Sequence[Judgement], on: date) -> str | None:
    """'downgraded' or 'upgraded' when the latest inspection on or before `on`, within the
    12 months up to it, changed the rating; else None."""
    known = sorted((j for j in ratings if j.inspected_on <= on), key=lambda j: j.inspected_on)
    if len(known) < 2 or add_months(known[-1].inspected_on, CHANGE_MONTHS) < on:
        return None
    before, now = RANK[known[-2].rating], RANK[known[-1].rating]
    if now < before:
        return "downgraded"
    return "upgraded" if now > before else None


def visit_overdue(visits: Iterable[Visit], on: date) -> bool:
    """True when no monitoring visit on or before `on` is within the 12 months up to it."""
    days = [v.visited_on for v in visits if v.visited_on <= on]
    return not days or add_months(max(days), VISIT_MONTHS) < on


def with_alerts(state: ProviderState, on: date) -> ProviderState:
    """The provider as at `on` (later inspections and visits left out) with its alerts."""
    ratings = tuple(
        sorted(
            (j for j in state.ratings if j.inspected_on <= on),
            key=lambda j: j.inspected_on,
            reverse=True,
        )
    )
    visits = tuple(
        sorted((v for v in state.visits if v.visited_on <= on), key=lambda v: v.visited_on)
    )[::-1]
    alerts = []
    moved = change(ratings, on)
    if moved and (state.children_now is None or state.children_now > 0):
        alerts.append(moved)
    if visit_overdue(visits, on):
        alerts.append("visit_overdue")
    return ProviderState(
        urn=state.urn,
        name=state.name,
        kind=state.kind,
        ratings=ratings,
        visits=visits,
        children_now=state.children_now,
        provider_id=state.provider_id,
        alerts=tuple(alerts),
    )


def alert_counts(states: Iterable[ProviderState]) -> dict[str, int]:
    counts = dict.fromkeys(ALERTS, 0)
    for state in states:
        for alert in state.alerts:
            counts[alert] += 1
    return counts


def placements(
    urns: Iterable[str],
    start: date | None = None,
    end: date | None = None,
    snapshot_id: str | None = None,
) -> dict[str, set[str]] | None:
    """URN -> the looked-after children placed there: now (every open SSDA903 episode)
    when no dates are given, else on any day from `start` to `end`. None when no snapshot
    is loaded; URNs with no child are left out."""
    wanted = sorted(set(urns))
    try:
        with snapshots.connect(snapshot_id) as con:
            if not wanted:
                return {}
            sql = (
                "SELECT DISTINCT upper(trim(urn)), child_id FROM cla_episodes "
                "WHERE list_contains(?, upper(trim(urn)))"
            )
            params: list[object] = [wanted]
            if start is None or end is None:
                sql += " AND dec IS NULL"
            else:
                sql += " AND decom <= ? AND (dec IS NULL OR dec > ?)"
                params += [end, start]
            rows = con.execute(sql, params).fetchall()
    except snapshots.SnapshotError:
        return None
    found: dict[str, set[str]] = {}
    for urn, child in rows:
        found.setdefault(urn, set()).add(child)
    return found
