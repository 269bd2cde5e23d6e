"""How far a snapshot's data runs, and why a figure has no value ("no data").

Missing is not zero: a figure the data cannot give carries `value None` and one of the
reasons below, and every consumer (dashboards, RAG, forecasts, papers, plan links) shows
"no data" with the reason and rates, forecasts and compares nothing.

- NOT_HELD: the snapshot holds no value at all in a column the definition needs.
- OUTSIDE: a flow figure for a period that ends before the data's first record or starts
  after its last one; a stock figure for a day (the period's end) before the first record
  or after the last (by more than GRACE): stock is never carried past the end of the data.
  A flow period the data only partly cover counts what is on file.
- NO_RECORDS: nothing in the period to take a percentage (or mean, ratio) of.
- NOT_COVERED: a figure whose records only some periods have (care leavers: an OC3
  collection year, Annex A List 9 at its own date), for a period none of them speaks for
  (`covered_by:` in the definition names the view that says which do).
- NOT_RECORDED: there were records in the period, but none holds the answer the figure
  needs (e.g. whether the child was seen during an assessment).
- ONE_DAY: a flow figure (what happened over a period) asked for a single day (`asat:`).
- NOT_KEPT: a register indicator whose register is not kept (no table for it in the
  registers' file, store/register_tables.py). A register kept with nothing in the period
  gives 0, not this.
- BEFORE_REGISTER: a register indicator for a period that ends (a stock: a day) before the
  register's earliest date on record (`before_register`).
- NOT_ON_ENGINE: a register indicator asked of an engine that does not read the registers
  (Spark, the regional pool).

The data run from the first contact on file (the first referral when no contacts are
loaded: both are recorded only for the returns' own collection years, unlike long-open
care episodes or plans) to the latest event date on file. `SnapshotData` holds a snapshot's
id and extent, and gives the default period, the latest complete quarter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from csc_insight.indicators.periods import Period, quarter, quarter_of

NOT_HELD = "data not held"
OUTSIDE = "period outside the data"
NO_RECORDS = "no records in the period"
NOT_COVERED = "no records for the period in the data loaded"
NOT_RECORDED = "not recorded in the period"
ONE_DAY = "counts events over a period, not on a single day"
NOT_KEPT = "register not kept"
BEFORE_REGISTER = "period before the register's first record"
NOT_ON_ENGINE = "the registers are read by the DuckDB engine only"

# Extracts are often taken a few days before a quarter closes: a period that ends (or
# starts) within this many days of the data's last (or first) date is still covered.
GRACE = timedelta(days=7)
# Where the data start: the earliest of these (contacts first).
START_PROBES = (("contacts", "contact_date"), ("referrals", "referral_date"))
# Event dates that show how far the data run.
END_PROBES = (
    ("contacts", "contact_date"),
    ("referrals", "referral_date"),
    ("assessments", "start_date"),
    ("assessments", "authorised_date"),
    ("s47_enquiries", "start_date"),
    ("cla_episodes", "decom"),
    ("cla_episodes", "dec"),
    ("cp_plans", "start_date"),
    ("cp_plans", "end_date"),
    ("visits", "visit_date"),
    ("cla_reviews", "review_date"),
    ("missing_episodes", "start_date"),
)


@dataclass(frozen=True)
class Extent:
    """The first and last dates the snapshot's data cover."""

    first: date
    last: date

    def covers(self, period: Period, stock: bool) -> bool:
        """Whether the data can give a figure for `period`: a flow figure when the period
        overlaps the data (a period the data only partly cover counts what is on file); a
        stock figure when the day it is taken on (the period's end) lies within the data."""
        if stock:
            return self.first - GRACE <= period.end <= self.last + GRACE
        return period.end >= self.first and period.start <= self.last

    def outside(self) -> str:
        """The OUTSIDE reason with the dates, e.g. 'period outside the data (data from 3
        April 2017 to 28 March 2020)'."""
        return f"{OUTSIDE} (data from {_day(self.first)} to {_day(self.last)})"


def register_covers(first: date, period: Period, stock: bool) -> bool:
    """Whether a register whose earliest date on record is `first` can give a figure for
    `period`: a flow when the period ends on or after it, a stock when its end does."""
    return period.end >= first - (GRACE if stock else timedelta(0))


def before_register(first: date) -> str:
    """The BEFORE_REGISTER reason with the date, e.g. "period before the register's first
    record (3 April 2017)"."""
    return f"{BEFORE_REGISTER} ({_day(first)})"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def data_extent(backend: Any) -> Extent | None:
    """The snapshot's Extent, or None when it holds no dated event at all. `backend` is an
    engine Backend (anything with `rows(sql)`)."""

    def span(probes: tuple[tuple[str, str], ...]) -> tuple[Any, Any]:
        parts = " UNION ALL ".join(
            f"SELECT MIN({c}) AS lo, MAX({c}) AS hi FROM {t}" for t, c in probes
        )
        _, rows = backend.rows(f"SELECT MIN(lo), MAX(hi) FROM ({parts}) AS spans")
        return rows[0]

    last = span(END_PROBES)[1]
    if last is None:
        return None
    first = None
    for probe in START_PROBES:
        first = span((probe,))[0]
        if first is not None:
            break
    first = first if first is not None else span(END_PROBES)[0]
    return Extent(_as_date(first), _as_date(last))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class SnapshotData:
    """A snapshot as the indicators see it: the id it records and how far its data run."""

    id: str | None
    extent: Extent | None

    @classmethod
    def read(cls, backend: Any) -> SnapshotData:
        """From an engine Backend (`engine.as_backend(con)` for a DuckDB connection)."""
        return cls(backend.snapshot_id(), data_extent(backend))

    def latest_complete_quarter(self, today: date | None = None) -> Period:
        """The default period (see `latest_complete_quarter`); `today` decides it only when
        the snapshot holds no dated event."""
        return latest_complete_quarter(self.extent, today)


def latest_complete_quarter(extent: Extent | None, today: date | None = None) -> Period:
    """The last quarter the data cover to (nearly) its end; with no data, the quarter
    before today's."""
    if extent is None:
        return quarter(*quarter_of(today or date.today())).previous_quarters(1)[0]
    current = quarter(*quarter_of(extent.last))
    return current if current.end - extent.last <= GRACE else current.previous_quarters(1)[0]
