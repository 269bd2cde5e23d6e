"""The working-day calendar: one row per day with England and Wales bank holidays.

Indicators count working days in SQL by joining `calendar` (portable to Spark):
working days after day a up to and including day b = working_day_no(b) - working_day_no(a).
"""

from __future__ import annotations

from datetime import date, timedelta

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
    table = pa.table({"day": days, "is_working_day": working, "holiday_name": names,
                      "working_day_no": pa.array(numbers, pa.int32())})
    con.execute("DELETE FROM calendar")
    con.register("_calendar_rows", table)
    try:
        con.execute("INSERT INTO calendar SELECT * FROM _calendar_rows")
    finally:
        con.unregister("_calendar_rows")
