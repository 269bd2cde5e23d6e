"""The LADO register (Local Authority Designated Officer): contacts about adults who work
with children, their timescales and alerts, and a year's figures for the annual report.

A contact that met the threshold is a referral; one that did not is a consultation
(advice given, no further LADO process); one with no decision recorded is awaiting it.

Timescales (Working Together to Safeguard Children; Keeping Children Safe in Education):
- the initial evaluation (strategy) meeting for a referral within 5 working days of the
  contact: working days after the day received, up to and including the meeting day,
  England's bank holidays excluded (common/calendar.py);
- referrals concluded within one month, three months and twelve months of being received
  (a calendar month: received 31 January, within one month is on or before 29 February).

Alerts, on a given day (`on`), for a referral:
- `meeting_late`: the initial meeting held after the 5th working day, or none held and
  that day has passed (unless the referral was concluded by then);
- `open_long`: not concluded twelve months after it was received.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from csc_insight.common.calendar import calendar_rows
from csc_insight.indicators.periods import Period
from csc_insight.registers.years import add_months, within

MEETING_WORKING_DAYS = 5
LONG_MONTHS = 12
# The bands a concluded referral's time falls in, by months from received to concluded.
BANDS = (
    ("Within one month", 1),
    ("One to three months", 3),
    ("Three to twelve months", 12),
    ("Over twelve months", None),
)
ALERTS = {
    "meeting_late": "Initial evaluation meeting not held within 5 working days",
    "open_long": "Open more than twelve months",
}
REFERRAL, CONSULTATION, UNDECIDED = "Referrals", "Consultations", "Threshold not yet decided"


@dataclass(frozen=True)
class Contact:
    reference: str
    received_on: date
    sector: str
    category: str
    met_threshold: bool | None = None
    initial_meeting_on: date | None = None
    outcome: str = ""
    concluded_on: date | None = None
    register_id: int | None = None
    alerts: tuple[str, ...] = field(default=())

    @property
    def kind(self) -> str:
        return {True: REFERRAL, False: CONSULTATION}.get(self.met_threshold, UNDECIDED)  # type: ignore[arg-type]


def from_model(row: Any) -> Contact:
    return Contact(
        reference=row.reference,
        received_on=row.received_on,
        sector=row.sector,
        category=row.category,
        met_threshold=row.met_threshold,
        initial_meeting_on=row.initial_meeting_on,
        outcome=row.outcome,
        concluded_on=row.concluded_on,
        register_id=row.pk,
    )


@lru_cache(maxsize=4096)  # a register and its alerts ask for the same days again and again
def working_day_after(day: date, n: int) -> date:
    """The `n`th working day after `day`."""
    count = 0
    for when, working, _, _ in calendar_rows(
        day + timedelta(days=1), day + timedelta(days=n * 3 + 14)
    ):
        count += working
        if count == n:
            return when
    raise AssertionError("no run of bank holidays is that long")  # cannot happen


def meeting_deadline(contact: Contact) -> date:
    return working_day_after(contact.received_on, MEETING_WORKING_DAYS)


def meeting_late(contact: Contact, on: date) -> bool:
    if contact.met_threshold is not True:
        return False
    deadline = meeting_deadline(contact)
    if contact.initial_meeting_on is not None:
        return contact.initial_meeting_on > deadline
    if contact.concluded_on is not None and contact.concluded_on <= deadline:
        return False
    return on > deadline


def open_long(contact: Contact, on: date) -> bool:
    if contact.met_threshold is not True:
        return False
    limit = add_months(contact.received_on, LONG_MONTHS)
    return on > limit and (contact.concluded_on is None or contact.concluded_on > limit)


def with_alerts(contacts: Iterable[Contact], on: date) -> list[Contact]:
    out = []
    for c in contacts:
        alerts = [
            name
            for name, test in (("meeting_late", meeting_late), ("open_long", open_long))
            if test(c, on)
        ]
        out.append(replace(c, alerts=tuple(alerts)))
    return out


def alert_counts(contacts: Iterable[Contact]) -> dict[str, int]:
    counts = dict.fromkeys(ALERTS, 0)
    for c in contacts:
        for alert in c.alerts:
            counts[alert] += 1
    return counts


def band(contact: Contact) -> str | None:
    """The timescale band of a concluded contact; None when not concluded."""
    if contact.concluded_on is None:
        return None
    for label, months in BANDS:
        if months is None or contact.concluded_on <= add_months(contact.received_on, months):
            return label
    return None  # cannot happen: the last band has no limit


@dataclass(frozen=True)
class YearFigures:
    """One year's LADO activity (counts, never names or references)."""

    year: Period
    received: tuple[Contact, ...]  # contacts received in the year
    concluded: tuple[Contact, ...]  # referrals concluded in the year
    open_at_end: int  # referrals received by the year's end and not concluded by then
    meetings_in_time: int  # of the year's referrals, initial meeting within 5 working days

    def of_kind(self, kind: str) -> list[Contact]:
        return [c for c in self.received if c.kind == kind]

    @property
    def referrals(self) -> int:
        return len(self.of_kind(REFERRAL))

    def by_sector(self, sectors: Sequence[str]) -> list[list[int]]:
        """Contacts received by sector (rows) and kind (columns: referrals, consultations,
        and, when any, not yet decided)."""
        kinds = self.kinds
        return [
            [sum(1 for c in self.received if c.sector == s and c.kind == k) for k in kinds]
            for s in sectors
        ]

    @property
    def kinds(self) -> list[str]:
        found = [REFERRAL, CONSULTATION]
        return found + ([UNDECIDED] if self.of_kind(UNDECIDED) else [])

    def by_outcome(self, outcomes: Sequence[str]) -> list[int]:
        return [sum(1 for c in self.concluded if c.outcome == o) for o in outcomes]

    def by_band(self) -> list[int]:
        return [sum(1 for c in self.concluded if band(c) == label) for label, _ in BANDS]


def year_figures(contacts: Sequence[Contact], year: Period) -> YearFigures:
    received = tuple(c for c in contacts if within(c.received_on, year))
    concluded = tuple(
        c for c in contacts if c.met_threshold and c.concluded_on and within(c.concluded_on, year)
    )
    open_at_end = sum(
        1
        for c in contacts
        if c.met_threshold
        and c.received_on <= year.end
        and (c.concluded_on is None or c.concluded_on > year.end)
    )
    in_time = sum(
        1
        for c in received
        if c.met_threshold
        and c.initial_meeting_on is not None
        and c.initial_meeting_on <= meeting_deadline(c)
    )
    return YearFigures(year, received, concluded, open_at_end, in_time)
