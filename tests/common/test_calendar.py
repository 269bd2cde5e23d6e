"""The working-day calendar: England and Wales bank holidays, weekends, running day numbers."""

from datetime import date

import duckdb

from csc_insight.common.calendar import build_calendar
from csc_insight.store import schema


def _calendar(tmp_path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp_path / "cal.duckdb"))
    schema.create(con)
    build_calendar(con, date(2019, 1, 1), date(2021, 1, 31))
    return con


def test_bank_holidays_and_weekends(tmp_path):
    con = _calendar(tmp_path)
    rows = dict(
        con.execute(
            "SELECT day, is_working_day FROM calendar WHERE day IN ("
            "DATE '2020-05-08', DATE '2020-05-04', DATE '2020-12-28', DATE '2020-04-10', "
            "DATE '2020-04-13', DATE '2019-12-25', DATE '2019-12-27', DATE '2019-12-28')"
        ).fetchall()
    )
    assert rows == {
        date(2020, 5, 8): False,  # VE day: May Day moved to Friday 8 May 2020
        date(2020, 5, 4): True,  # the usual first Monday was a working day in 2020
        date(2020, 12, 28): False,  # Boxing Day (Saturday) substitute
        date(2020, 4, 10): False,  # Good Friday
        date(2020, 4, 13): False,  # Easter Monday
        date(2019, 12, 25): False,
        date(2019, 12, 27): True,
        date(2019, 12, 28): False,  # Saturday
    }


def test_working_day_numbers_count_only_working_days(tmp_path):
    con = _calendar(tmp_path)
    # Tue 24 Dec 2019 -> Thu 2 Jan 2020: 27, 30, 31 Dec and 2 Jan are working days.
    (diff,) = con.execute(
        "SELECT b.working_day_no - a.working_day_no FROM calendar a, calendar b "
        "WHERE a.day = DATE '2019-12-24' AND b.day = DATE '2020-01-02'"
    ).fetchone()
    assert diff == 4
    assert con.execute(
        "SELECT working_day_no FROM calendar WHERE day = DATE '2019-01-02'"
    ).fetchone() == (1,)  # 1 Jan is a holiday
    assert con.execute("SELECT count(*) FROM calendar").fetchone() == (762,)


def test_rebuild_replaces_rows(tmp_path):
    con = _calendar(tmp_path)
    build_calendar(con, date(2020, 1, 1), date(2020, 1, 10))
    assert con.execute("SELECT count(*), max(working_day_no) FROM calendar").fetchone() == (10, 7)
