"""Safeguarding champions (seed 002, the Corporate Safeguarding Policy and its Appendix 2):
a champion in every department, and the chief officers' six-monthly assurance returns to
the Director of Community and Children's Services.

Half-years are financial: 2019-20-H1 is April to September 2019, 2019-20-H2 October 2019 to
March 2020. A return is due by the end of the month after its half-year ends (31 October,
30 April).

Alerts, for each department as at a day (`on`):
- `no_champion`: no champion in post on that day (appointed on or before it, not stood
  down before it).
- `return_overdue`: no return received (on or before `on`) for the last half-year whose
  return is due: the latest half-year whose due date is before `on`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from csc_insight.indicators.periods import fy_label, fy_start_year
from csc_insight.registers.providers import add_months

ALERTS = {
    "no_champion": "No safeguarding champion",
    "return_overdue": "Assurance return overdue for the last half-year",
}
HALF_EXPECTED = "a half-year such as 2019-20-H1 (April-September) or 2019-20-H2"


class HalfYearError(ValueError):
    """Text that names no half-year."""


@dataclass(frozen=True, order=True)
class HalfYear:
    start_year: int  # the financial year's first calendar year
    half: int  # 1: April-September, 2: October-March

    @property
    def label(self) -> str:
        return f"{fy_label(self.start_year)}-H{self.half}"

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1) if self.half == 1 else date(self.start_year, 10, 1)

    @property
    def end(self) -> date:
        return date(self.start_year, 9, 30) if self.half == 1 else date(self.start_year + 1, 3, 31)

    @property
    def due(self) -> date:
        """The last day of the month after the half-year ends."""
        return add_months(self.end + timedelta(days=1), 1) - timedelta(days=1)

    @property
    def months(self) -> str:
        """'April-September 2019', 'October 2019-March 2020'."""
        if self.half == 1:
            return f"April-September {self.start_year}"
        return f"October {self.start_year}-March {self.start_year + 1}"

    def previous(self) -> HalfYear:
        return HalfYear(self.start_year, 1) if self.half == 2 else HalfYear(self.start_year - 1, 2)


def parse_half_year(text: str) -> HalfYear:
    """'2019-20-H1' (also '2019-20 H1', 'H1 2019-20', any case) as a HalfYear."""
    clean = text.strip().upper()
    m = re.fullmatch(r"(\d{4})-(\d{2})[\s-]*H([12])", clean) or re.fullmatch(
        r"H([12])[\s-]*(\d{4})-(\d{2})", clean
    )
    if m is None:
        raise HalfYearError(f"Expected {HALF_EXPECTED} (found {text!r})")
    if clean.startswith("H"):
        half, first, second = m[1], m[2], m[3]
    else:
        first, second, half = m[1], m[2], m[3]
    if (int(first) + 1) % 100 != int(second):
        raise HalfYearError(f"Expected {HALF_EXPECTED} (found {text!r})")
    return HalfYear(int(first), int(half))


def half_year_of(day: date) -> HalfYear:
    return HalfYear(fy_start_year(day), 1 if 4 <= day.month <= 9 else 2)


def last_due(on: date) -> HalfYear:
    """The latest half-year whose return was due before `on`."""
    half = half_year_of(on).previous()
    while half.due >= on:
        half = half.previous()
    return half


def halves_of_year(start_year: int) -> tuple[HalfYear, HalfYear]:
    return HalfYear(start_year, 1), HalfYear(start_year, 2)


@dataclass(frozen=True)
class Appointment:
    name: str
    role: str
    appointed_on: date
    ended_on: date | None = None
    record_id: int | None = None

    def in_post(self, on: date) -> bool:
        return self.appointed_on <= on and (self.ended_on is None or self.ended_on >= on)


@dataclass(frozen=True)
class Return:
    half_year: str  # label, 2019-20-H1
    received_on: date
    assurance: str  # green, amber, red
    actions: str = ""


@dataclass(frozen=True)
class DepartmentState:
    name: str
    chief_officer: str = ""
    champions: tuple[Appointment, ...] = ()  # every appointment, newest first
    returns: tuple[Return, ...] = ()  # newest half-year first
    department_id: int | None = None
    in_post: tuple[Appointment, ...] = ()  # as at the day the alerts were worked out
    due_return: Return | None = None  # the return for the last half-year due, if received
    alerts: tuple[str, ...] = field(default=())

    def return_for(self, half: HalfYear) -> Return | None:
        return next((r for r in self.returns if r.half_year == half.label), None)


def with_alerts(state: DepartmentState, on: date) -> DepartmentState:
    in_post = tuple(a for a in state.champions if a.in_post(on))
    alerts = [] if in_post else ["no_champion"]
    due = last_due(on)
    received = state.return_for(due)
    if received is not None and received.received_on > on:
        received = None  # not yet received as at `on`
    if received is None:
        alerts.append("return_overdue")
    return DepartmentState(
        name=state.name,
        chief_officer=state.chief_officer,
        champions=state.champions,
        returns=state.returns,
        department_id=state.department_id,
        in_post=in_post,
        due_return=received,
        alerts=tuple(alerts),
    )


def alert_counts(states: Iterable[DepartmentState]) -> dict[str, int]:
    counts = dict.fromkeys(ALERTS, 0)
    for state in states:
        for alert in state.alerts:
            counts[alert] += 1
    return counts
