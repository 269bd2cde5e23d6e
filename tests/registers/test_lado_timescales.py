"""The LADO register's timescales and alerts on hand-built dates: the initial evaluation
meeting within 5 working days (England's bank holidays excluded), referrals open more than
twelve months, the one / three / twelve month bands, and a year's figures."""

from __future__ import annotations

from datetime import date

from csc_insight.indicators.periods import financial_year
from csc_insight.registers.lado import (
    CONSULTATION,
    REFERRAL,
    UNDECIDED,
    Contact,
    band,
    meeting_deadline,
    with_alerts,
    year_figures,
)
from csc_insight.registers.years import add_months


def _referral(received: date, **more: object) -> Contact:
    return Contact("L1", received, "education", "physical", met_threshold=True, **more)  # type: ignore[arg-type]


def _alerts(contact: Contact, on: date) -> tuple[str, ...]:
    return with_alerts([contact], on)[0].alerts


def test_five_working_days_skip_the_weekend_and_bank_holidays() -> None:
    """Wed 2 Oct 2019: Thu 3, Fri 4, Mon 7, Tue 8, Wed 9 -> 9 Oct. Thu 18 Apr 2019: Good
    Friday 19 and Easter Monday 22 do not count: Tue 23, Wed 24, Thu 25, Fri 26, Mon 29."""
    assert meeting_deadline(_referral(date(2019, 10, 2))) == date(2019, 10, 9)
    assert meeting_deadline(_referral(date(2019, 4, 18))) == date(2019, 4, 29)


def test_meeting_late_fires_after_the_fifth_working_day() -> None:
    received = date(2019, 4, 18)
    assert (
        _alerts(_referral(received, initial_meeting_on=date(2019, 4, 29)), date(2020, 1, 1)) == ()
    )
    assert _alerts(_referral(received, initial_meeting_on=date(2019, 4, 30)), date(2020, 1, 1)) == (
        "meeting_late",
    )
    # none held: still in time on the 29th, late from the 30th
    assert _alerts(_referral(received), date(2019, 4, 29)) == ()
    assert _alerts(_referral(received), date(2019, 4, 30)) == ("meeting_late",)
    # concluded before the deadline with no meeting: nothing was due
    assert _alerts(_referral(received, concluded_on=date(2019, 4, 26)), date(2019, 5, 30)) == ()


def test_consultations_have_no_alerts() -> None:
    for met in (False, None):
        old = Contact("L2", date(2018, 1, 2), "health", "neglect", met_threshold=met)
        assert _alerts(old, date(2020, 1, 1)) == ()


def test_open_long_after_twelve_months() -> None:
    """Received 31 January 2019: open on 31 January 2020 is not yet twelve months; open on
    1 February 2020 is. Concluded on 31 January 2020: no alert."""
    kept = dict(initial_meeting_on=date(2019, 2, 1))
    assert _alerts(_referral(date(2019, 1, 31), **kept), date(2020, 1, 31)) == ()
    assert _alerts(_referral(date(2019, 1, 31), **kept), date(2020, 2, 1)) == ("open_long",)
    done = _referral(date(2019, 1, 31), concluded_on=date(2020, 1, 31), **kept)
    assert _alerts(done, date(2020, 6, 1)) == ()


def test_months_and_bands() -> None:
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert add_months(date(2019, 11, 30), 3) == date(2020, 2, 29)
    assert add_months(date(2019, 4, 1), 12) == date(2020, 4, 1)
    cases = [
        (date(2020, 1, 31), date(2020, 2, 29), "Within one month"),
        (date(2020, 1, 31), date(2020, 3, 1), "One to three months"),
        (date(2019, 4, 1), date(2019, 7, 1), "One to three months"),
        (date(2019, 4, 1), date(2019, 7, 2), "Three to twelve months"),
        (date(2019, 4, 1), date(2020, 4, 1), "Three to twelve months"),
        (date(2019, 4, 1), date(2020, 4, 2), "Over twelve months"),
    ]
    for received, concluded, expected in cases:
        assert band(_referral(received, concluded_on=concluded)) == expected
    assert band(_referral(date(2019, 4, 1))) is None


def test_year_figures() -> None:
    """2019-20: two referrals (one met in time, Wed 2 Oct -> Wed 9 Oct; one late), one
    consultation, one undecided; one referral from 2018-19 concluded in 2019-20 and one
    received in 2019-20 still open at its end; a contact of 2020-21 is not counted."""
    contacts = [
        Contact(
            "A",
            date(2019, 10, 2),
            "education",
            "physical",
            True,
            date(2019, 10, 9),
            "substantiated",
            date(2019, 10, 20),
        ),
        Contact("B", date(2019, 10, 2), "sport", "sexual", True, date(2019, 10, 10)),
        Contact("C", date(2019, 11, 1), "health", "neglect", False),
        Contact("D", date(2019, 12, 1), "faith", "emotional", None),
        Contact(
            "E",
            date(2019, 1, 10),
            "police",
            "physical",
            True,
            date(2019, 1, 11),
            "unfounded",
            date(2019, 5, 1),
        ),
        Contact("F", date(2020, 4, 1), "education", "physical", True),
    ]
    figures = year_figures(contacts, financial_year(2019))
    assert [c.reference for c in figures.received] == ["A", "B", "C", "D"]
    assert (figures.referrals, figures.meetings_in_time, figures.open_at_end) == (2, 1, 1)
    assert [c.reference for c in figures.concluded] == ["A", "E"]
    assert figures.kinds == [REFERRAL, CONSULTATION, UNDECIDED]
    assert figures.by_sector(["education", "health", "faith"]) == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    assert figures.by_outcome(["substantiated", "unfounded", "false"]) == [1, 1, 0]
    assert figures.by_band() == [1, 0, 1, 0]
