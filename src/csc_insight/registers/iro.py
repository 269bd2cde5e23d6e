"""The IRO service: the disputes IROs raise and their contacts with children (the register),
beside each looked-after child's reviews (the SSDA903, registers/iro_returns.py), with the
alerts and a year's figures for the IRO annual report.

Alerts, as at a day (`on`):
- `escalation_stuck` (an escalation): still open more than 20 working days after the day it
  reached its stage (the day raised when no stage date is recorded): from the 21st working
  day after that day, England's bank holidays excluded (common/calendar.py).
- `review_overdue` (a child looked after on the day): the next review was due before the
  day and not held by it (its due date from the catalogue's review clock: 20 working days,
  3 months, then 6-monthly).
- `no_contact` (a child looked after on the day): two reviews of the current period of care
  more than 6 calendar months apart, the last two held by the day, or the last one held
  and the day itself, with no IRO contact recorded strictly between them.

A child's IRO is the IRO of the latest contact or escalation recorded for the child (by
date); a caseload is the looked-after children whose IRO that is. Reviews are judged as at
the snapshot's last day when that is before `on` (reviews held since are not yet known).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from csc_insight.indicators.periods import Period
from csc_insight.registers.iro_returns import Returns, ReviewDue
from csc_insight.registers.lado import working_day_after
from csc_insight.registers.years import add_months, within

STAGE_WORKING_DAYS = 20
CONTACT_GAP_MONTHS = 6
ALERTS = {
    "escalation_stuck": "Escalation unresolved after 20 working days at its stage",
    "review_overdue": "Review overdue",
    "no_contact": "No IRO contact between reviews more than 6 months apart",
}
NO_IRO = "No IRO recorded"


@dataclass(frozen=True)
class Escalation:
    child_id: str
    iro: str
    raised_on: date
    category: str
    stage: str = "informal"
    stage_on: date | None = None  # None: the day raised
    resolved_on: date | None = None
    outcome: str = ""
    register_id: int | None = None
    alerts: tuple[str, ...] = field(default=())

    @property
    def stage_start(self) -> date:
        return self.stage_on or self.raised_on

    @property
    def deadline(self) -> date:
        """The last working day it may stay open at its stage."""
        return working_day_after(self.stage_start, STAGE_WORKING_DAYS)

    def open_on(self, day: date) -> bool:
        return self.raised_on <= day and (self.resolved_on is None or self.resolved_on > day)


@dataclass(frozen=True)
class Contact:
    child_id: str
    iro: str
    on: date
    kind: str


def escalation_from_model(row: Any) -> Escalation:
    return Escalation(
        child_id=row.child_id,
        iro=row.iro,
        raised_on=row.raised_on,
        category=row.category,
        stage=row.stage,
        stage_on=row.stage_on,
        resolved_on=row.resolved_on,
        outcome=row.outcome,
        register_id=row.pk,
    )


def contact_from_model(row: Any) -> Contact:
    return Contact(row.child_id, row.iro, row.contact_on, row.kind)


def escalation_stuck(e: Escalation, on: date) -> bool:
    return e.open_on(on) and e.stage_start <= on and on > e.deadline


def escalations_with_alerts(escalations: Iterable[Escalation], on: date) -> list[Escalation]:
    return [
        replace(e, alerts=("escalation_stuck",) if escalation_stuck(e, on) else ())
        for e in escalations
    ]


# --- each looked-after child, as at a day ------------------------------------------------


@dataclass(frozen=True)
class ChildState:
    """A child looked after on `on`: the current period of care's reviews, the next one
    due, the IRO contacts and the child's IRO, with the alerts."""

    child_id: str
    care_start: date
    reviews: tuple[date, ...]  # held in this period of care, by `on`
    next_due: date | None  # None: not known (no reviews in the data)
    contacts: tuple[date, ...]  # every contact recorded for the child, by `on`
    iro: str | None
    gap: tuple[date, date] | None  # reviews (or review and day) with no contact between
    alerts: tuple[str, ...] = ()

    @property
    def last_review(self) -> date | None:
        return self.reviews[-1] if self.reviews else None

    @property
    def last_contact(self) -> date | None:
        return self.contacts[-1] if self.contacts else None


def next_due(rows: Sequence[ReviewDue], on: date) -> date | None:
    """The due date of the first review of a period of care not held by `on`."""
    for row in sorted(rows, key=lambda r: r.number):
        if row.held is None or row.held > on:
            return row.due
    return None


def gap_without_contact(
    reviews: Sequence[date], contacts: Iterable[date], on: date
) -> tuple[date, date] | None:
    """The latest pair of reviews (or last review and `on`) more than 6 months apart with
    no contact strictly between them; None when there is none."""
    held = sorted(r for r in reviews if r <= on)
    pairs = []
    if len(held) >= 2:
        pairs.append((held[-2], held[-1]))
    if held:
        pairs.append((held[-1], on))
    days = sorted(contacts)
    for start, end in reversed(pairs):
        if add_months(start, CONTACT_GAP_MONTHS) < end and not any(start < c < end for c in days):
            return start, end
    return None


def iro_of(
    child_id: str, escalations: Iterable[Escalation], contacts: Iterable[Contact], on: date
) -> str | None:
    """The IRO of the latest contact or escalation for the child on or before `on`."""
    dated = [(c.on, 1, c.iro) for c in contacts if c.child_id == child_id and c.on <= on]
    dated += [
        (e.raised_on, 0, e.iro) for e in escalations if e.child_id == child_id and e.raised_on <= on
    ]
    return max(dated)[2] if dated else None


def child_states(
    returns: Returns, escalations: Sequence[Escalation], contacts: Sequence[Contact], on: date
) -> list[ChildState]:
    """Every child looked after on `on` (by child id), with alerts."""
    by_child: dict[str, list[Contact]] = {}
    for c in contacts:
        by_child.setdefault(c.child_id, []).append(c)
    raised: dict[str, list[Escalation]] = {}
    for e in escalations:
        raised.setdefault(e.child_id, []).append(e)
    due: dict[tuple[str, date], list[ReviewDue]] = {}
    for row in returns.due or ():
        due.setdefault((row.child_id, row.care_start), []).append(row)
    held: dict[str, list[date]] = {}
    for r in returns.reviews:
        held.setdefault(r.child_id, []).append(r.held_on)
    states = []
    for period in returns.care:
        if not period.open_on(on):
            continue
        child = period.child_id
        reviews = tuple(sorted(d for d in held.get(child, ()) if period.start <= d <= on))
        mine = by_child.get(child, [])
        days = tuple(sorted(c.on for c in mine if c.on <= on))
        upcoming = (
            next_due(due.get((child, period.start), []), on) if returns.due is not None else None
        )
        gap = gap_without_contact(reviews, days, on)
        alerts = []
        if upcoming is not None and upcoming < on:
            alerts.append("review_overdue")
        if gap is not None:
            alerts.append("no_contact")
        states.append(
            ChildState(
                child_id=child,
                care_start=period.start,
                reviews=reviews,
                next_due=upcoming,
                contacts=days,
                iro=iro_of(child, raised.get(child, ()), mine, on),
                gap=gap,
                alerts=tuple(alerts),
            )
        )
    return sorted(states, key=lambda s: s.child_id)


def alert_counts(escalations: Iterable[Escalation], states: Iterable[ChildState]) -> dict[str, int]:
    counts = dict.fromkeys(ALERTS, 0)
    for item in [*escalations, *states]:
        for alert in item.alerts:
            counts[alert] += 1
    return counts


@dataclass(frozen=True)
class Caseload:
    iro: str  # NO_IRO for the children with none recorded
    children: int  # looked after on the day
    contacts: int  # in the 12 months up to the day
    open_escalations: int


def caseloads(
    states: Sequence[ChildState],
    escalations: Sequence[Escalation],
    contacts: Sequence[Contact],
    on: date,
) -> list[Caseload]:
    """Each IRO's looked-after children on `on` (their IRO being the latest recorded), the
    contacts the IRO recorded in the 12 months up to the day and the IRO's open
    escalations; the children with no IRO recorded last."""
    children = Counter(s.iro or NO_IRO for s in states)
    since = add_months(on, -12)
    recent = Counter(c.iro for c in contacts if since < c.on <= on)
    open_ = Counter(e.iro for e in escalations if e.open_on(on))
    names = sorted((set(children) | set(recent) | set(open_)) - {NO_IRO})
    rows = [Caseload(n, children[n], recent[n], open_[n]) for n in names]
    if children[NO_IRO]:
        rows.append(Caseload(NO_IRO, children[NO_IRO], 0, 0))
    return rows


# --- a year's figures from the register ---------------------------------------------------


@dataclass(frozen=True)
class RegisterYear:
    """One year's escalations and contacts (counts only, for the annual report)."""

    year: Period
    raised: tuple[Escalation, ...]  # raised in the year
    open_at_end: int  # raised by the year's end (in any year), not resolved by then
    contacts: tuple[Contact, ...]  # in the year

    def outcome_at_end(self, e: Escalation) -> str:
        """The outcome as at the year's end: 'open' when not resolved by then."""
        return e.outcome if e.resolved_on and e.resolved_on <= self.year.end else "open"

    @property
    def closed(self) -> tuple[Escalation, ...]:
        """The year's escalations resolved or closed by the year's end."""
        return tuple(e for e in self.raised if self.outcome_at_end(e) != "open")

    @property
    def resolved_in_time(self) -> int:
        """Of the year's escalations closed by its end, those closed within 20 working days
        of reaching their last stage."""
        return sum(1 for e in self.closed if e.resolved_on and e.resolved_on <= e.deadline)

    @property
    def children_contacted(self) -> int:
        return len({c.child_id for c in self.contacts})


def register_year(
    escalations: Sequence[Escalation], contacts: Sequence[Contact], year: Period
) -> RegisterYear:
    return RegisterYear(
        year=year,
        raised=tuple(e for e in escalations if within(e.raised_on, year)),
        open_at_end=sum(1 for e in escalations if e.open_on(year.end)),
        contacts=tuple(c for c in contacts if within(c.on, year)),
    )
