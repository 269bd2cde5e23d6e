"""The safeguarding champions register's alerts on hand-built dates: a department with no
champion in post; no assurance return for the last half-year whose return is due (by the
end of the month after the half-year)."""

from __future__ import annotations

from datetime import date

import pytest

from csc_insight.registers.champions import (
    Appointment,
    DepartmentState,
    HalfYear,
    HalfYearError,
    Return,
    last_due,
    parse_half_year,
    with_alerts,
)

CHAMPION = Appointment("A. Person", "Head of Service", date(2019, 1, 1), date(2019, 9, 30))
H1 = Return("2019-20-H1", date(2019, 10, 20), "green")
H2 = Return("2018-19-H2", date(2019, 4, 20), "green")


def test_half_years() -> None:
    h1 = parse_half_year("2019-20-H1")
    assert (h1.start, h1.end, h1.due, h1.months) == (
        date(2019, 4, 1),
        date(2019, 9, 30),
        date(2019, 10, 31),
        "April-September 2019",
    )
    h2 = parse_half_year(" h2 2019-20")
    assert (h2.label, h2.end, h2.due) == ("2019-20-H2", date(2020, 3, 31), date(2020, 4, 30))
    assert parse_half_year("2019-20 h2") == h2 == HalfYear(2019, 2)
    for bad in ("2019-21-H1", "2019-20-H3", "autumn"):
        with pytest.raises(HalfYearError):
            parse_half_year(bad)


def test_the_last_half_year_due() -> None:
    """H1 2019-20 is due by 31 October 2019: on that day the last due is still H2 2018-19."""
    assert last_due(date(2019, 10, 31)).label == "2018-19-H2"
    assert last_due(date(2019, 11, 1)).label == "2019-20-H1"
    assert last_due(date(2020, 4, 30)).label == "2019-20-H1"
    assert last_due(date(2020, 5, 1)).label == "2019-20-H2"


def test_no_champion_in_post() -> None:
    """Appointed 1 January, stood down 30 September 2019 (returns all in)."""
    dept = DepartmentState("Open Spaces", champions=(CHAMPION,), returns=(H1, H2))
    assert with_alerts(dept, date(2019, 9, 30)).alerts == ()
    assert with_alerts(dept, date(2019, 10, 1)).alerts == ("no_champion",)
    never = DepartmentState("Barbican Centre", returns=(H2,))
    assert with_alerts(never, date(2019, 5, 1)).alerts == ("no_champion",)


def test_a_return_overdue() -> None:
    """On 1 November 2019 the H1 return is due; received 20 October: not overdue."""
    in_post = Appointment("A. Person", "Head of Service", date(2019, 1, 1))
    on = date(2019, 11, 1)
    assert (
        with_alerts(DepartmentState("Town Clerk's", champions=(in_post,), returns=(H1,)), on).alerts
        == ()
    )
    assert with_alerts(DepartmentState("Town Clerk's", champions=(in_post,)), on).alerts == (
        "return_overdue",
    )
    # received after the day: not received yet as at that day
    late = Return("2019-20-H1", date(2019, 11, 5), "amber")
    assert with_alerts(
        DepartmentState("Town Clerk's", champions=(in_post,), returns=(late,)), on
    ).alerts == ("return_overdue",)
    # only the earlier half-year's return: overdue for H1
    old = H2
    assert with_alerts(
        DepartmentState("Town Clerk's", champions=(in_post,), returns=(old,)), on
    ).alerts == ("return_overdue",)
    assert (
        with_alerts(
            DepartmentState("Town Clerk's", champions=(in_post,), returns=(old,)),
            date(2019, 10, 31),
        ).alerts
        == ()
    )
