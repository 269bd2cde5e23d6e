"""The working-day calendar: England's bank holidays and working days, in one place.

Working days are weekdays that are not bank holidays of
`holidays.country_holidays("GB", subdiv="ENG")`. Two views of the same calendar:

- `calendar_rows` / `build_calendar`: one row per day for the store's `calendar` table.
  Indicators count working days in SQL by joining `calendar` (portable to Spark): working
  days after day a up to and including day b = working_day_no(b) - working_day_no(a).
- `WorkingDays`: vectorised stepping over working days for numpy day numbers (int64 days
  since 1970-01-01, as `datetime64[D]` counts them), used by the synthetic data generator.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import duckdb


def calendar_rows(start: date, end: date) -> list[tuple[date, bool, str | None, int]]:
    """(day, is_working_day, holiday_name, working_day_no) for every day from start to end."""
    import holidays

    bank = holidays.country_holidays("GB", subdiv="ENG", years=range(start.year, end.year + 1))
    rows = []
    count = 0
    day = start
    while day <= end:
        name = bank.get(day)
        working = day.weekday() < 5 and name is None
        count += working
        rows.append((day, working, name, count))
        day += timedelta(days=1)
    return rows


def build_calendar(con: duckdb.DuckDBPyConnection, start: date, end: date) -> None:
    """Replace the contents of the canonical `calendar` table with the days start..end."""
    import pyarrow as pa

    days, working, names, numbers = zip(*calendar_rows(start, end), strict=True)
    table = pa.table(
        {
            "day": days,
            "is_working_day": working,
            "holiday_name": names,
            "working_day_no": pa.array(numbers, pa.int32()),
        }
    )
    con.execute("DELETE FROM calendar")
    con.register("_calendar_rows", table)
    try:
        con.execute("INSERT INTO calendar SELECT * FROM _calendar_rows")
    finally:
        con.unregister("_calendar_rows")


class WorkingDays:
    """England's working days from `first` to `last`, stepped over day numbers in bulk.

    Day numbers are int64 days since 1970-01-01; days outside first..last are clipped to it.
    """

    def __init__(self, first: date, last: date) -> None:
        rows = calendar_rows(first, last)
        self.base = _day_number(first)
        days = np.arange(self.base, self.base + len(rows), dtype=np.int64)
        self.is_working = np.array([working for _, working, _, _ in rows], dtype=bool)
        self.working = days[self.is_working]
        self._next_rank = np.searchsorted(self.working, days, side="left")

    def _rank(self, days: np.ndarray) -> np.ndarray:
        idx = np.clip(days - self.base, 0, len(self._next_rank) - 1)
        return self._next_rank[idx]

    def next(self, days: np.ndarray) -> np.ndarray:
        """The day itself if a working day, else the next working day."""
        return self.add(days, 0)

    def prev(self, days: np.ndarray) -> np.ndarray:
        """The day itself if a working day, else the previous working day."""
        rank = np.searchsorted(self.working, days, side="right") - 1
        return self.working[np.clip(rank, 0, len(self.working) - 1)]

    def add(self, days: np.ndarray, n: np.ndarray | int) -> np.ndarray:
        """`n` working days after `days` (after the next working day when `days` is not one)."""
        rank = self._rank(np.asarray(days)) + np.asarray(n)
        return self.working[np.clip(rank, 0, len(self.working) - 1)]

    def is_working_day(self, days: np.ndarray) -> np.ndarray:
        return self.is_working[np.clip(np.asarray(days) - self.base, 0, len(self.is_working) - 1)]


def _day_number(d: date) -> int:
    return (d - date(1970, 1, 1)).days
