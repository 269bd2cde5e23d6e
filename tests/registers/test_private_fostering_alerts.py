"""Private fostering's regulation timescales on hand-built dates: the initial visit within
7 days of notification, the assessment within 42 days, visits every 6 weeks in the first
year and every 12 weeks after; each alert firing and not firing, and a year's figures."""

from __future__ import annotations

from datetime import date

from csc_insight.indicators.periods import financial_year
from csc_insight.registers.private_fostering import (
    Arrangement,
    notified_in,
    visits_in_time,
    with_alerts,
    year_figures,
)

NOTIFIED = date(2019, 10, 1)  # a Tuesday: initial visit due 8 Oct, assessment 12 Nov


def _alerts(a: Arrangement, on: date) -> tuple[str, ...]:
    return with_alerts([a], on)[0].alerts


def _visited(**more: object) -> Arrangement:
    """Visited on 3 Oct, assessed on 1 Nov (both in time)."""
    return Arrangement(
        "C1",
        NOTIFIED,
        initial_visit_on=date(2019, 10, 3),
        assessment_completed_on=date(2019, 11, 1),
        **more,  # type: ignore[arg-type]
    )


def test_initial_visit_within_seven_days() -> None:
    assert _alerts(Arrangement("C1", NOTIFIED, date(2019, 10, 8)), date(2019, 10, 9)) == ()
    late = Arrangement("C1", NOTIFIED, date(2019, 10, 9))
    assert _alerts(late, date(2019, 10, 9)) == ("initial_visit",)
    # not made: in time on the 8th, overdue on the 9th; ended on the 5th: nothing was due
    assert _alerts(Arrangement("C1", NOTIFIED), date(2019, 10, 8)) == ()
    assert _alerts(Arrangement("C1", NOTIFIED), date(2019, 10, 9)) == ("initial_visit",)
    ended = Arrangement("C1", NOTIFIED, ended_on=date(2019, 10, 5))
    assert _alerts(ended, date(2019, 12, 31)) == ()


def test_assessment_within_42_days() -> None:
    """Notified 1 Oct 2019: due 12 Nov 2019."""
    in_time = Arrangement("C1", NOTIFIED, date(2019, 10, 3), date(2019, 11, 12))
    assert "assessment" not in _alerts(in_time, date(2019, 11, 20))
    late = Arrangement("C1", NOTIFIED, date(2019, 10, 3), date(2019, 11, 13))
    assert "assessment" in _alerts(late, date(2019, 11, 20))
    waiting = Arrangement("C1", NOTIFIED, date(2019, 10, 3), ended_on=None)
    assert "assessment" not in _alerts(waiting, date(2019, 11, 12))
    assert "assessment" in _alerts(waiting, date(2019, 11, 13))


def test_visit_overdue_six_weekly_in_the_first_year() -> None:
    """Initial visit 3 Oct 2019: the next is due by 14 Nov (42 days). On 14 Nov nothing is
    overdue; on 15 Nov it is. A visit on 14 Nov moves the next to 26 Dec. An arrangement
    that ended on 10 Nov needs no more visits."""
    assert _alerts(_visited(), date(2019, 11, 14)) == ()
    assert _alerts(_visited(), date(2019, 11, 15)) == ("visit_overdue",)
    seen = _visited(visits=(date(2019, 11, 14),))
    assert _alerts(seen, date(2019, 11, 15)) == ()
    assert seen.next_visit_due(date(2019, 11, 15)) == date(2019, 12, 26)
    assert _alerts(_visited(ended_on=date(2019, 11, 10)), date(2019, 11, 15)) == ()
    # before the initial visit only the initial visit's alert can fire
    assert Arrangement("C1", NOTIFIED).next_visit_due(date(2019, 12, 1)) is None


def test_twelve_weekly_after_the_first_year() -> None:
    """The first year ends on 1 Oct 2020. A visit on 30 Sep 2020 is in it: next due 11 Nov
    (42 days). A visit on 1 Oct 2020 is after it: next due 24 Dec (84 days)."""
    last_in_first = _visited(visits=(date(2020, 9, 30),))
    assert last_in_first.next_visit_due(date(2020, 10, 1)) == date(2020, 11, 11)
    after = _visited(visits=(date(2020, 10, 1),))
    assert after.next_visit_due(date(2020, 10, 2)) == date(2020, 12, 24)
    assert _alerts(after, date(2020, 12, 24)) == ()
    assert _alerts(after, date(2020, 12, 25)) == ("visit_overdue",)


def test_year_figures() -> None:
    """2019-20: C1 notified 1 Oct 2019 (visit and assessment in time; visits 14 Nov, 42
    days after the initial one, and 30 Dec, 46 days after that: one in time); C2 notified
    1 Mar 2020, visited late (10 Mar), not assessed; C3 notified in 2018-19 and ended
    in May 2019; C4 notified in 2020-21."""
    arrangements = [
        _visited(visits=(date(2019, 11, 14), date(2019, 12, 30))),
        Arrangement("C2", date(2020, 3, 1), date(2020, 3, 10)),
        Arrangement("C3", date(2018, 6, 1), date(2018, 6, 2), date(2018, 7, 1), date(2019, 5, 1)),
        Arrangement("C4", date(2020, 4, 2)),
    ]
    year = financial_year(2019)
    assert visits_in_time(arrangements[0], year) == (2, 1)
    figures = year_figures(arrangements, year)
    assert (
        figures.notified,
        figures.open_in_year,
        figures.ended,
        figures.initial_visits_in_time,
        figures.assessments_in_time,
        figures.visits,
        figures.visits_in_time,
    ) == (2, 3, 1, 1, 1, 2, 1)
    assert notified_in(arrangements, financial_year(2018)) == 1
