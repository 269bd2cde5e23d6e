"""Private fostering: each arrangement from its notification, the visits and assessment in
the regulation timescales, the alerts, and a year's figures for the annual report.

Timescales (the Children (Private Arrangements for Fostering) Regulations 2005 and the
National Minimum Standards for Private Fostering), counted in calendar days from the day
the local authority was notified:
- the initial visit within 7 days;
- the assessment (the suitability of the arrangement) completed within 42 days;
- then visits at intervals of not more than 6 weeks (42 days) in the first year of the
  arrangement and not more than 12 weeks (84 days) after it. The first year runs from the
  notification (the arrangement's start as the authority knows it); the interval after a
  visit is set by the day of that visit.

Alerts, on a given day (`on`):
- `initial_visit`: the initial visit made after day 7, or not made and day 7 has passed
  while the arrangement went on;
- `assessment`: likewise for the assessment and day 42;
- `visit_overdue`: the arrangement is still going on and the next visit was due (6 or 12
  weeks after the last one) before `on` with none made since.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from csc_insight.indicators.periods import Period
from csc_insight.registers.years import add_months, within

INITIAL_VISIT_DAYS = 7
ASSESSMENT_DAYS = 42
FIRST_YEAR_VISIT_DAYS = 42
LATER_VISIT_DAYS = 84
ALERTS = {
    "initial_visit": "Initial visit not made within 7 days of notification",
    "assessment": "Assessment not completed within 42 days of notification",
    "visit_overdue": "Visit overdue (6-weekly in the first year, 12-weekly after)",
}


@dataclass(frozen=True)
class Arrangement:
    child_id: str
    notified_on: date
    initial_visit_on: date | None = None
    assessment_completed_on: date | None = None
    ended_on: date | None = None
    visits: tuple[date, ...] = ()  # the visits after the initial one
    register_id: int | None = None
    alerts: tuple[str, ...] = field(default=())

    @property
    def initial_visit_due(self) -> date:
        return self.notified_on + timedelta(days=INITIAL_VISIT_DAYS)

    @property
    def assessment_due(self) -> date:
        return self.notified_on + timedelta(days=ASSESSMENT_DAYS)

    @property
    def first_year_ends(self) -> date:
        return add_months(self.notified_on, 12)

    def interval_after(self, visit: date) -> int:
        return FIRST_YEAR_VISIT_DAYS if visit < self.first_year_ends else LATER_VISIT_DAYS

    def all_visits(self) -> list[date]:
        """The initial visit and every later one, in order."""
        first = [self.initial_visit_on] if self.initial_visit_on else []
        return sorted(set(first) | set(self.visits))

    def next_visit_due(self, on: date) -> date | None:
        """When the next visit is due after the last made by `on`; None before the initial
        visit (the `initial_visit` alert covers that)."""
        made = [v for v in self.all_visits() if v <= on]
        if not made:
            return None
        return made[-1] + timedelta(days=self.interval_after(made[-1]))

    def going_on(self, on: date) -> bool:
        return self.notified_on <= on and (self.ended_on is None or self.ended_on > on)


def from_model(row: Any, visits: Iterable[date] = ()) -> Arrangement:
    return Arrangement(
        child_id=row.child_id,
        notified_on=row.notified_on,
        initial_visit_on=row.initial_visit_on,
        assessment_completed_on=row.assessment_completed_on,
        ended_on=row.ended_on,
        visits=tuple(sorted(visits)),
        register_id=row.pk,
    )


def _late(done: date | None, due: date, on: date, ended: date | None) -> bool:
    if done is not None:
        return done > due
    return on > due and (ended is None or ended > due)


def initial_visit_late(a: Arrangement, on: date) -> bool:
    return _late(a.initial_visit_on, a.initial_visit_due, on, a.ended_on)


def assessment_late(a: Arrangement, on: date) -> bool:
    return _late(a.assessment_completed_on, a.assessment_due, on, a.ended_on)


def visit_overdue(a: Arrangement, on: date) -> bool:
    due = a.next_visit_due(on)
    return due is not None and a.going_on(on) and on > due


def with_alerts(arrangements: Iterable[Arrangement], on: date) -> list[Arrangement]:
    tests = (
        ("initial_visit", initial_visit_late),
        ("assessment", assessment_late),
        ("visit_overdue", visit_overdue),
    )
    return [
        replace(a, alerts=tuple(name for name, test in tests if test(a, on))) for a in arrangements
    ]


def alert_counts(arrangements: Iterable[Arrangement]) -> dict[str, int]:
    counts = dict.fromkeys(ALERTS, 0)
    for a in arrangements:
        for alert in a.alerts:
            counts[alert] += 1
    return counts


def visits_in_time(a: Arrangement, year: Period) -> tuple[int, int]:
    """(visits made in the year after the initial one, how many of them came within the
    interval after the visit before)."""
    made = in_time = 0
    visits = a.all_visits()
    for before, visit in zip(visits, visits[1:], strict=False):
        if within(visit, year):
            made += 1
            in_time += (visit - before).days <= a.interval_after(before)
    return made, in_time


@dataclass(frozen=True)
class YearFigures:
    """One year's private fostering activity (counts only)."""

    year: Period
    notified: int
    open_in_year: int  # arrangements going on at some time in the year
    ended: int
    initial_visits_in_time: int  # of the year's notifications
    assessments_in_time: int  # of the year's notifications
    visits: int  # visits after the initial one, made in the year
    visits_in_time: int


def year_figures(arrangements: Sequence[Arrangement], year: Period) -> YearFigures:
    notified = [a for a in arrangements if within(a.notified_on, year)]
    open_in_year = [
        a
        for a in arrangements
        if a.notified_on <= year.end and (a.ended_on is None or a.ended_on >= year.start)
    ]
    visits = [visits_in_time(a, year) for a in open_in_year]
    return YearFigures(
        year=year,
        notified=len(notified),
        open_in_year=len(open_in_year),
        ended=sum(1 for a in arrangements if a.ended_on and within(a.ended_on, year)),
        initial_visits_in_time=sum(
            1 for a in notified if a.initial_visit_on and a.initial_visit_on <= a.initial_visit_due
        ),
        assessments_in_time=sum(
            1
            for a in notified
            if a.assessment_completed_on and a.assessment_completed_on <= a.assessment_due
        ),
        visits=sum(m for m, _ in visits),
        visits_in_time=sum(t for _, t in visits),
    )


def notified_in(arrangements: Sequence[Arrangement], year: Period) -> int:
    return sum(1 for a in arrangements if within(a.notified_on, year))
