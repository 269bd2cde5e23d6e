"""The years and months the annual registers count in: a financial year named as the
periods are ('2019-20': 1 April 2019 to 31 March 2020), the year before it, and calendar
months added to a day (the LADO's one, three and twelve months; private fostering's first
year)."""

from __future__ import annotations

import calendar
from datetime import date

from csc_insight.indicators.periods import Period, PeriodError, financial_year, parse_period


class YearError(ValueError):
    """Not a financial year such as 2019-20."""


def parse_year(text: str) -> Period:
    """'2019-20' as its Period (1 April 2019 - 31 March 2020)."""
    try:
        period = parse_period(text.strip())
    except PeriodError as bad:
        raise YearError(f"A year is written 2019-20 (found {text!r}): {bad}") from bad
    if period.kind != "year":
        raise YearError(f"A year is written 2019-20, April to March (found {text!r})")
    return period


def year_before(year: Period, n: int = 1) -> Period:
    return financial_year(year.start.year - n)


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (the month's last day when it has fewer
    days: 31 January + 1 month = 29 February 2020)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def within(day: date, year: Period) -> bool:
    return year.start <= day <= year.end
