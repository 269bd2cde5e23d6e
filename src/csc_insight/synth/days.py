"""Day numbers for the generator: dates as int64 days since 1970-01-01, birthdays in bulk.

While the world is built, dates are int64 day numbers (as `datetime64[D]` counts them) and
`NA` marks a date that has not happened. Working days come from the one calendar,
`csc_insight.common.calendar.WorkingDays`.
"""

from __future__ import annotations

from datetime import date

import numpy as np

EPOCH = date(1970, 1, 1)
NA = np.iinfo(np.int64).min  # the int64 value numpy reads as NaT


def day(d: date) -> int:
    return (d - EPOCH).days


def to_date(n: int) -> date:
    return date.fromordinal(EPOCH.toordinal() + int(n))


def add_years(days: np.ndarray, years: int | np.ndarray) -> np.ndarray:
    """The same day and month `years` later (29 February becomes 1 March)."""
    dt = np.asarray(days).astype("datetime64[D]")
    month = dt.astype("datetime64[M]")
    day_of_month = (dt - month.astype("datetime64[D]")).astype(np.int64)
    target = (month + np.asarray(years) * 12).astype("datetime64[D]").astype(np.int64)
    return np.where(np.asarray(days) == NA, NA, target + day_of_month)
