"""Reporting periods: financial-year quarters (Q1 = April-June), years, year to date,
rolling 12 months and "as at" a date, and the comparison periods derived from them.

Labels, as `parse_period` reads them and `Period.label` writes them:
    2019-20-Q3               a quarter (1 Oct 2019 - 31 Dec 2019)
    2019-20                  a financial year (1 Apr 2019 - 31 Mar 2020)
    2019-20-YTD-Q3           year to the end of a quarter (1 Apr 2019 - 31 Dec 2019)
    ytd:2019-12-15           year to a date
    rolling-12m:2019-12-31   twelve months to a date (1 Jan 2019 - 31 Dec 2019)
    asat:2019-12-31          a single day (stock measures as at that day)
A flow indicator counts what happened from `start` to `end` inclusive; a stock indicator
counts what was open on `end`.

A label that names no real period (`2019-20-Q5`, `2019-21`, `asat:2019-02-30`) or a year
outside FIRST_YEAR..LAST_YEAR (`9999-00-Q1`, `asat:9999-12-31`) raises PeriodError with
one line saying why; the command line exits 2 with it and the web answers 404.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Kind = Literal["quarter", "year", "ytd", "rolling", "asat"]


# Financial years (by their first calendar year) a period may fall in: every period's
# comparison periods (a year earlier) and its financial year's end stay representable.
FIRST_YEAR = 1900
LAST_YEAR = 2099


class PeriodError(ValueError):
    """A period label that cannot be read."""


def fy_start_year(day: date) -> int:
    """The calendar year in which the financial year containing `day` starts."""
    return day.year if day.month >= 4 else day.year - 1


def fy_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def _quarter_bounds(start_year: int, q: int) -> tuple[date, date]:
    first_month = 4 + 3 * (q - 1)
    year = start_year + (first_month - 1) // 12
    month = (first_month - 1) % 12 + 1
    start = date(year, month, 1)
    nxt = date(year + (month + 2) // 12, (month + 2) % 12 + 1, 1)
    return start, nxt - timedelta(days=1)


def _minus_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    kind: Kind
    label: str

    @property
    def fy(self) -> str:
        """The financial year in which the period ends, e.g. '2019-20'."""
        return fy_label(fy_start_year(self.end))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def same_period_last_year(self) -> Period:
        if self.kind == "asat":
            return asat(_minus_year(self.end))
        if self.kind == "rolling":
            return rolling_12m(_minus_year(self.end))
        if self.kind == "ytd":
            return ytd(_minus_year(self.end))
        if self.kind == "year":
            return financial_year(fy_start_year(self.end) - 1)
        y, q = quarter_of(self.end)
        return quarter(y - 1, q)

    def previous_quarters(self, n: int = 4) -> list[Period]:
        """The n quarters before the quarter in which this period ends, oldest first."""
        y, q = quarter_of(self.end)
        found = []
        for _ in range(n):
            y, q = (y, q - 1) if q > 1 else (y - 1, 4)
            found.append(quarter(y, q))
        return found[::-1]

    def last_year_outturn(self) -> Period:
        """The whole financial year before the one in which this period ends."""
        return financial_year(fy_start_year(self.end) - 1)

    def year_to_date(self) -> Period:
        """From the start of the financial year to this period's end (for the forecast)."""
        return ytd(self.end)

    def financial_year(self) -> Period:
        return financial_year(fy_start_year(self.end))

    def short_name(self) -> str:
        """The period as papers name it: a label ending in a quarter reads quarter first
        ('2019-20-Q3' -> 'Q3 2019-20', '2019-20-YTD-Q3' -> 'Q3 2019-20-YTD'); any other
        label as it is."""
        head, _, tail = self.label.rpartition("-")
        return f"{tail} {head}" if tail.startswith("Q") and head else self.label

    def describe(self) -> str:
        """The period in words with its months, as the dashboards show it: 'Q3 2019-20
        (October to December 2019)', '2019-20 (April 2019 to March 2020)', '2019-20 year to
        date (April 2019 to 31 December 2019)'; other kinds by their label."""
        if self.kind == "quarter":
            number = self.label.rsplit("Q", 1)[1]
            return f"Q{number} {self.fy} ({self.start:%B} to {self.end:%B %Y})"
        if self.kind == "year":
            return f"{self.label} (April {self.start.year} to March {self.end.year})"
        if self.kind == "ytd":
            return f"{self.fy} year to date ({self.start:%B %Y} to {self.end:%-d %B %Y})"
        return self.label


def quarter_of(day: date) -> tuple[int, int]:
    """(financial-year start year, quarter 1-4) containing `day`."""
    return fy_start_year(day), (day.month - 4) % 12 // 3 + 1


def quarter(start_year: int, q: int) -> Period:
    start, end = _quarter_bounds(start_year, q)
    return Period(start, end, "quarter", f"{fy_label(start_year)}-Q{q}")


def financial_year(start_year: int) -> Period:
    return Period(date(start_year, 4, 1), date(start_year + 1, 3, 31), "year", fy_label(start_year))


def ytd(end: date) -> Period:
    y, q = quarter_of(end)
    label = f"{fy_label(y)}-YTD-Q{q}" if end == _quarter_bounds(y, q)[1] else f"ytd:{end}"
    return Period(date(y, 4, 1), end, "ytd", label)


def rolling_12m(end: date) -> Period:
    return Period(_minus_year(end) + timedelta(days=1), end, "rolling", f"rolling-12m:{end}")


def asat(day: date) -> Period:
    return Period(day, day, "asat", f"asat:{day}")


_FY = r"(\d{4})-(\d{2})"


def short_label(label: str) -> str:
    """A period label as papers and pages name it ('2019-20-Q3' -> 'Q3 2019-20'); a label
    that is not a period, as it is."""
    try:
        return parse_period(label).short_name()
    except PeriodError:
        return label


def parse_period(text: str) -> Period:
    """Read a period label (see the module docstring)."""
    text = text.strip()
    period = _parse(text)
    year = fy_start_year(period.start)
    if not FIRST_YEAR <= year <= LAST_YEAR or fy_start_year(period.end) > LAST_YEAR:
        raise PeriodError(
            f"{text!r} is not a period: periods run from 1 April "
            f"{FIRST_YEAR} to 31 March {LAST_YEAR + 1}"
        )
    return period


def _parse(text: str) -> Period:
    try:
        if m := re.fullmatch(_FY + r"-Q([1-4])", text):
            return quarter(_fy_year(m), int(m[3]))
        if m := re.fullmatch(_FY, text):
            return financial_year(_fy_year(m))
        if m := re.fullmatch(_FY + r"-YTD-Q([1-4])", text, re.IGNORECASE):
            return ytd(_quarter_bounds(_fy_year(m), int(m[3]))[1])
        if m := re.fullmatch(r"(ytd|rolling-12m|asat):(\d{4}-\d{2}-\d{2})", text, re.IGNORECASE):
            day = date.fromisoformat(m[2])
            return {"ytd": ytd, "rolling-12m": rolling_12m, "asat": asat}[m[1].lower()](day)
    except PeriodError:
        raise
    except (ValueError, OverflowError) as exc:
        raise PeriodError(f"{text!r} is not a period: {exc}") from None
    raise PeriodError(
        f"{text!r} is not a period: use 2019-20-Q3, 2019-20, 2019-20-YTD-Q3, "
        "rolling-12m:2019-12-31 or asat:2019-12-31"
    )


def _fy_year(m: re.Match[str]) -> int:
    start = int(m[1])
    if (start + 1) % 100 != int(m[2]):
        raise PeriodError(
            f"{m[0]!r} is not a period: a financial year runs from one year into the next (2019-20)"
        )
    return start
