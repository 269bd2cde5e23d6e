"""Vectorised date arithmetic for the generator: day numbers, working days, birthdays.

Dates are int64 day numbers (days since 1970-01-01) while the world is built; `NA` marks a
date that has not happened. Working days are England's: weekends and the bank holidays of
`holidays.country_holidays("GB", subdiv="ENG")`.
"""

from __future__ import annotations

from datetime import date

import numpy as np

EPOCH = date(1970, 1, 1)
NA = np.iinfo(np.int64).min  # the int64 value numpy reads as NaT
FAR = np.iinfo(np.int64).max // 2


def day(d: date) -> int:
    return (d - EPOCH).days


def to_date(n: int) -> date:
    return date.fromordinal(EPOCH.toordinal() + int(n))


def open_end(ends: np.ndarray) -> np.ndarray:
    """End dates with NA (still open) read as far in the future, for overlap tests."""
    return np.where(ends == NA, FAR, ends)


def add_years(days: np.ndarray, years: int | np.ndarray) -> np.ndarray:
    """The same day and month `years` later (29 February becomes 1 March)."""
    dt = np.asarray(days).astype("datetime64[D]")
    month = dt.astype("datetime64[M]")
    day_of_month = (dt - month.astype("datetime64[D]")).astype(np.int64)
    target = (month + np.asarray(years) * 12).astype("datetime64[D]").astype(np.int64)
    return np.where(np.asarray(days) == NA, NA, target + day_of_month)


class WorkingDays:
    """England's working days between two dates, with vectorised stepping."""

    def __init__(self, first: date, last: date) -> None:
        import holidays

        self.base = day(first)
        days = np.arange(self.base, day(last) + 1, dtype=np.int64)
        weekday = (days + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
        bank = holidays.country_holidays("GB", subdiv="ENG", years=range(first.year, last.year + 1))
        bank_days = np.array(sorted(day(d) for d in bank), dtype=np.int64)
        self.is_working = (weekday < 5) & ~np.isin(days, bank_days)
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
