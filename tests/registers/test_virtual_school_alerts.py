"""The Virtual School register on hand-built dates: school years, terms, year groups and key
stages from the date of birth, periods of care, and each alert firing and not firing."""

from __future__ import annotations

from datetime import date

import pytest

from csc_insight.registers import virtual_school as vs
from csc_insight.registers.virtual_school_cohort import _spells

Y1920 = vs.SchoolYear(2019)


def test_school_years_and_terms() -> None:
    assert (Y1920.start, Y1920.end, Y1920.label) == (date(2019, 9, 1), date(2020, 8, 31), "2019-20")
    assert vs.parse_school_year(" 2019-20 ") == Y1920
    for bad in ("2019-21", "2019", "19-20", "2019/20"):
        with pytest.raises(vs.SchoolYearError):
            vs.parse_school_year(bad)
    assert vs.school_year_of(date(2019, 8, 31)).label == "2018-19"
    assert vs.school_year_of(date(2019, 9, 1)).label == "2019-20"
    assert [(t.name, t.start, t.end) for t in Y1920.terms()] == [
        ("autumn", date(2019, 9, 1), date(2019, 12, 31)),
        ("spring", date(2020, 1, 1), date(2020, 3, 31)),
        ("summer", date(2020, 4, 1), date(2020, 8, 31)),
    ]
    assert vs.term_of(date(2020, 3, 31)).label == "Spring term 2020"
    assert vs.term_of(date(2020, 8, 1)).name == "summer"


@pytest.mark.parametrize(
    ("dob", "group", "label", "stage"),
    [
        (date(2015, 9, 1), -1, "Nursery", "early_years"),  # 3 on 31 August 2019
        (date(2015, 8, 31), 0, "Reception", "early_years"),  # 4 on 31 August 2019
        (date(2013, 8, 31), 2, "Year 2", "ks1"),
        (date(2011, 6, 15), 4, "Year 4", "ks2"),
        (date(2008, 9, 1), 6, "Year 6", "ks2"),
        (date(2005, 1, 1), 10, "Year 10", "ks4"),
        (date(2002, 3, 1), 13, "Year 13", "post16"),  # 17 on 31 August 2019
        (date(2001, 8, 31), 14, "Year 14", None),  # 18: no longer the Virtual School's
        (date(2016, 9, 1), -2, "Year -2", None),  # 2: too young
    ],
)
def test_year_groups(dob: date, group: int, label: str, stage: str | None) -> None:
    assert vs.year_group(dob, Y1920) == group
    assert vs.key_stage(group) == stage
    if stage is not None:
        assert vs.year_group_label(group) == label


def test_periods_of_care_join_episodes_that_follow_on() -> None:
    """A move on 1 March (one episode ends, the next starts that day) is one period; a
    return to care after a month away is another."""
    spells = _spells(
        [
            (date(2019, 3, 1), date(2019, 6, 1)),
            (date(2018, 1, 1), date(2019, 3, 1)),
            (date(2019, 7, 1), None),
        ]
    )
    assert spells == (
        vs.CareSpell(date(2018, 1, 1), date(2019, 6, 1)),
        vs.CareSpell(date(2019, 7, 1), None),
    )
    la = vs.LookedAfter("C1", date(2010, 1, 1), spells=spells)
    assert la.spell_on(date(2019, 6, 1)) is None  # left that day
    assert la.spell_on(date(2019, 5, 31)) == spells[0]
    assert la.during(date(2019, 6, 1), date(2019, 6, 30)) is False
    assert la.during(date(2019, 6, 1), date(2019, 7, 1)) is True


def _looked_after(start: date = date(2019, 1, 1), dob: date = date(2010, 1, 1), end=None):
    return vs.LookedAfter("C1", dob, spells=(vs.CareSpell(start, end),))


def _alerts(records: vs.ChildRecords, on: date, la: vs.LookedAfter | None = None):
    return vs.with_alerts(records, la, on).alerts


def test_no_pep_this_term() -> None:
    """C1, Year 5 in 2019-20, looked after since 1 January 2019."""
    la = _looked_after()
    none = vs.ChildRecords("C1")
    assert _alerts(none, date(2019, 10, 15), la) == ("no_pep",)
    summer = vs.ChildRecords("C1", peps=(vs.Pep(date(2019, 7, 10), "good"),))
    assert _alerts(summer, date(2019, 10, 15), la) == ("no_pep",)  # last term's
    autumn = vs.ChildRecords("C1", peps=(vs.Pep(date(2019, 9, 20), ""),))
    assert _alerts(autumn, date(2019, 10, 15), la) == ()
    # a PEP later in the term is not known on 15 October
    later = vs.ChildRecords("C1", peps=(vs.Pep(date(2019, 10, 16), "good"),))
    assert _alerts(vs.as_at(later, date(2019, 10, 15)), date(2019, 10, 15), la) == ("no_pep",)
    # no data loaded, not looked after that day, or in Nursery: no alert
    assert _alerts(none, date(2019, 10, 15)) == ()
    left = _looked_after(end=date(2019, 10, 1))
    assert _alerts(none, date(2019, 10, 15), left) == ()
    nursery = _looked_after(dob=date(2015, 10, 1))
    assert _alerts(none, date(2019, 10, 15), nursery) == ()
    # Year 13 (17 on 31 August 2019): still of school age for the PEP
    assert _alerts(none, date(2019, 10, 15), _looked_after(dob=date(2002, 3, 1))) == ("no_pep",)


def test_no_pep_waits_20_working_days_after_coming_into_care() -> None:
    """Into care on Tuesday 1 October 2019: the 20th working day after is 29 October."""
    la = _looked_after(start=date(2019, 10, 1))
    none = vs.ChildRecords("C1")
    assert _alerts(none, date(2019, 10, 29), la) == ()
    assert _alerts(none, date(2019, 10, 30), la) == ("no_pep",)


def test_pep_graded_below_good() -> None:
    ri = vs.Pep(date(2019, 10, 1), "requires_improvement")
    records = vs.ChildRecords("C1", peps=(ri,))
    assert _alerts(records, date(2019, 10, 15)) == ("pep_below_good",)
    inadequate = vs.ChildRecords("C1", peps=(vs.Pep(date(2019, 10, 1), "inadequate"),))
    assert _alerts(inadequate, date(2019, 10, 15)) == ("pep_below_good",)
    followed = vs.ChildRecords("C1", peps=(ri, vs.Pep(date(2019, 11, 1), "good")))
    assert _alerts(followed, date(2019, 11, 15)) == ()
    assert _alerts(followed, date(2019, 10, 20)) == ("pep_below_good",)  # not yet followed
    outstanding = vs.ChildRecords("C1", peps=(vs.Pep(date(2019, 10, 1), "outstanding"),))
    assert _alerts(outstanding, date(2019, 10, 15)) == ()


@pytest.mark.parametrize(
    ("figures", "fires"),
    [
        ((("2019-20", "autumn", 85.0),), True),
        ((("2019-20", "autumn", 90.0),), True),  # missing 10% of sessions: persistent
        ((("2019-20", "autumn", 90.1),), False),
        ((("2019-20", "autumn", 85.0), ("2019-20", "spring", 95.0)), False),  # latest term
        ((("2019-20", "autumn", 95.0), ("2019-20", "summer", 70.0)), False),  # summer: later
        ((("2018-19", "summer", 60.0),), False),  # last year's
        ((), False),
    ],
)
def test_attendance_low(figures: tuple, fires: bool) -> None:
    records = vs.ChildRecords("C1", attendance=tuple(vs.Attendance(*f) for f in figures))
    assert (_alerts(records, date(2020, 2, 10)) == ("attendance_low",)) is fires


@pytest.mark.parametrize(
    ("day", "fires"),
    [
        (date(2020, 3, 31), True),
        (date(2020, 3, 2), True),  # the 29th day before
        (date(2020, 3, 1), False),  # the 30th day before
        (date(2020, 4, 1), False),  # after
    ],
)
def test_excluded_recently(day: date, fires: bool) -> None:
    for kind, days in (("suspension", 2.0), ("permanent", None)):
        records = vs.ChildRecords("C1", exclusions=(vs.Exclusion(day, kind, days),))
        assert (_alerts(records, date(2020, 3, 31)) == ("excluded_recently",)) is fires


def test_school_below_good() -> None:
    ri = vs.School("Hill School", "100001", "secondary", "requires_improvement", date(2019, 1, 1))
    good = vs.School("Vale School", "100002", "secondary", "good", date(2018, 1, 1))
    new = vs.School("New Academy", "100003", "secondary", "")
    on = date(2019, 10, 1)
    at_ri = vs.ChildRecords("C1", placements=(vs.Placement(ri, date(2019, 9, 1)),))
    assert _alerts(at_ri, on) == ("school_below_good",)
    inadequate = vs.School("Low School", "100004", "primary", "inadequate", date(2019, 1, 1))
    assert _alerts(vs.ChildRecords("C1", placements=(vs.Placement(inadequate, on),)), on) == (
        "school_below_good",
    )
    left = vs.ChildRecords(
        "C1", placements=(vs.Placement(ri, date(2019, 9, 1), date(2019, 9, 30)),)
    )
    assert _alerts(left, on) == ()
    moved = vs.ChildRecords(
        "C1",
        placements=(
            vs.Placement(ri, date(2018, 9, 1)),  # no end recorded, but a later school
            vs.Placement(good, date(2019, 9, 15)),
        ),
    )
    assert _alerts(moved, on) == ()
    assert moved.school_on(on).school.name == "Vale School"
    assert _alerts(vs.ChildRecords("C1", placements=(vs.Placement(new, on),)), on) == ()


def test_alert_counts() -> None:
    la = _looked_after()
    states = [
        vs.with_alerts(vs.ChildRecords("C1"), la, date(2019, 10, 15)),
        vs.with_alerts(
            vs.ChildRecords("C2", peps=(vs.Pep(date(2019, 10, 1), "inadequate"),)),
            None,
            date(2019, 10, 15),
        ),
    ]
    assert vs.alert_counts(states) == {
        "no_pep": 1,
        "pep_below_good": 1,
        "attendance_low": 0,
        "excluded_recently": 0,
        "school_below_good": 0,
    }
