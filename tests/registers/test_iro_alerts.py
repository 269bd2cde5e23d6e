"""The IRO service's alerts on hand-built dates, each firing and not firing: an escalation
unresolved 20 working days after it reached its stage (England's bank holidays excluded),
a looked-after child's review overdue, no IRO contact between reviews more than 6 months
apart; and each child's IRO and the caseloads, and a year's register figures."""

from __future__ import annotations

from datetime import date

from csc_insight.indicators.periods import financial_year
from csc_insight.registers import iro
from csc_insight.registers.iro_returns import CarePeriod, Returns, Review, ReviewDue

EASTER_2019 = date(2019, 4, 18)  # Thursday before Good Friday


def _escalation(**more: object) -> iro.Escalation:
    values: dict[str, object] = {
        "child_id": "C1",
        "iro": "AB",
        "raised_on": EASTER_2019,
        "category": "care_planning",
    }
    values.update(more)
    return iro.Escalation(**values)  # type: ignore[arg-type]


def _alerts(e: iro.Escalation, on: date) -> tuple[str, ...]:
    return iro.escalations_with_alerts([e], on)[0].alerts


def test_twenty_working_days_skip_weekends_and_bank_holidays() -> None:
    """Raised Thu 18 Apr 2019: Good Friday (19) and Easter Monday (22) and the early May
    bank holiday (Mon 6 May) do not count: 23-26 Apr (4), 29 Apr-3 May (9), 7-10 May (13),
    13-17 May (18), Mon 20 (19), Tue 21 May (20)."""
    assert _escalation().deadline == date(2019, 5, 21)
    # moved to stage 1 on Mon 20 May: 21-24 May (4), the spring bank holiday Mon 27 May
    # skipped, 28-31 May (8), 3-7 Jun (13), 10-14 Jun (18), 17 (19), Tue 18 Jun (20)
    assert _escalation(stage="stage_1", stage_on=date(2019, 5, 20)).deadline == date(2019, 6, 18)


def test_escalation_stuck_fires_after_the_twentieth_working_day() -> None:
    open_ = _escalation()
    assert _alerts(open_, date(2019, 5, 21)) == ()
    assert _alerts(open_, date(2019, 5, 22)) == ("escalation_stuck",)
    # resolved on the 20th working day: never stuck
    done = _escalation(resolved_on=date(2019, 5, 21), outcome="resolved")
    assert _alerts(done, date(2019, 12, 1)) == ()
    # resolved on 23 May: stuck on the 22nd, not on the 23rd or after
    late = _escalation(resolved_on=date(2019, 5, 23), outcome="partly")
    assert _alerts(late, date(2019, 5, 22)) == ("escalation_stuck",)
    assert _alerts(late, date(2019, 5, 23)) == ()
    # moved to a formal stage on 20 May: the clock starts again
    moved = _escalation(stage="stage_1", stage_on=date(2019, 5, 20))
    assert _alerts(moved, date(2019, 5, 22)) == ()
    assert _alerts(moved, date(2019, 6, 18)) == ()
    assert _alerts(moved, date(2019, 6, 19)) == ("escalation_stuck",)
    # not yet raised on the day
    assert _alerts(open_, date(2019, 4, 1)) == ()


# A child looked after from 1 Jan 2019, still looked after: first review due Tue 29 Jan 2019
# (20 working days after New Year's Day), held 25 Jan; the second due 25 Apr, held 20 Apr;
# the third due 20 Oct, held 30 Oct (late: more than 6 months after 20 Apr); the fourth due
# 30 Apr 2020, not held.
START = date(2019, 1, 1)
HELD = [date(2019, 1, 25), date(2019, 4, 20), date(2019, 10, 30)]
DUE = [date(2019, 1, 29), date(2019, 4, 25), date(2019, 10, 20), date(2020, 4, 30)]


def _returns(due: bool = True, end: date | None = None) -> Returns:
    rows = tuple(
        ReviewDue("C1", START, end, i + 1, d, HELD[i] if i < len(HELD) else None)
        for i, d in enumerate(DUE)
    )
    return Returns(
        snapshot_id="s",
        first_day=date(2018, 4, 1),
        last_day=date(2020, 6, 30),
        care=(CarePeriod("C1", START, end),),
        reviews=tuple(Review("C1", d, "PN1") for d in HELD),
        due=rows if due else None,
        moves=(),
    )


def _child(on: date, contacts: list[date] = (), **more: object) -> iro.ChildState | None:  # type: ignore[assignment]
    made = [iro.Contact("C1", "AB", d, "visit") for d in contacts]
    found = iro.child_states(_returns(**more), [], made, on)  # type: ignore[arg-type]
    return found[0] if found else None


def test_review_overdue_after_its_due_day() -> None:
    on_due = _child(date(2020, 4, 30), [date(2019, 8, 1), date(2020, 1, 10)])
    assert on_due is not None
    assert (on_due.next_due, on_due.last_review, on_due.alerts) == (
        date(2020, 4, 30),
        date(2019, 10, 30),
        (),
    )
    after = _child(date(2020, 5, 1), [date(2019, 8, 1), date(2020, 1, 10)])
    assert after is not None and after.alerts == ("review_overdue",)
    # as at a day before the third review was held: it was then due on 20 Oct
    before = _child(date(2019, 10, 25), [date(2019, 8, 1)])
    assert before is not None
    assert (before.next_due, before.alerts) == (date(2019, 10, 20), ("review_overdue",))
    # no reviews in the data: the next review is not known, and no alert is made up
    unknown = _child(date(2020, 5, 1), [date(2019, 8, 1), date(2020, 1, 10)], due=False)
    assert unknown is not None and (unknown.next_due, unknown.alerts) == (None, ())


def test_no_contact_between_reviews_more_than_six_months_apart() -> None:
    """20 Apr and 30 Oct 2019 are more than 6 months apart (20 Apr + 6 months = 20 Oct)."""
    none = _child(date(2019, 12, 1))
    assert none is not None and none.alerts == ("no_contact",)
    assert none.gap == (date(2019, 4, 20), date(2019, 10, 30))
    # a contact on a review's own day is not between the reviews
    same_day = _child(date(2019, 12, 1), [date(2019, 4, 20), date(2019, 10, 30)])
    assert same_day is not None and same_day.alerts == ("no_contact",)
    seen = _child(date(2019, 12, 1), [date(2019, 8, 1)])
    assert seen is not None and (seen.alerts, seen.gap) == ((), None)
    # six months exactly is not more than six months: 25 Jan 2019 to 25 Jul 2019
    assert (
        iro.gap_without_contact([date(2019, 1, 25), date(2019, 7, 25)], [], date(2019, 8, 1))
        is None
    )
    assert iro.gap_without_contact(
        [date(2019, 1, 25), date(2019, 7, 26)], [], date(2019, 8, 1)
    ) == (date(2019, 1, 25), date(2019, 7, 26))
    # since the last review: 30 Oct 2019 + 6 months = 30 Apr 2020
    assert iro.gap_without_contact(HELD, [date(2019, 8, 1)], date(2020, 4, 30)) is None
    assert iro.gap_without_contact(HELD, [date(2019, 8, 1)], date(2020, 5, 1)) == (
        date(2019, 10, 30),
        date(2020, 5, 1),
    )


def test_a_child_no_longer_looked_after_has_no_alerts() -> None:
    assert _child(date(2020, 5, 1), end=date(2020, 3, 1)) is None
    # before care began, too
    assert _child(date(2018, 12, 31)) is None


def test_iro_and_caseloads() -> None:
    """C1's IRO is the latest recorded: AB's contact on 1 Aug, then CD's escalation on
    1 Sep. C2 (looked after too) has no IRO recorded."""
    returns = _returns()
    returns = Returns(
        returns.snapshot_id,
        returns.first_day,
        returns.last_day,
        (*returns.care, CarePeriod("C2", date(2019, 6, 1), None)),
        returns.reviews,
        returns.due,
        (),
    )
    contacts = [
        iro.Contact("C1", "AB", date(2019, 8, 1), "visit"),
        iro.Contact("C9", "AB", date(2019, 8, 2), "phone"),
    ]
    raised = [_escalation(iro="CD", raised_on=date(2019, 9, 1))]
    on = date(2019, 9, 10)
    states = iro.child_states(returns, raised, contacts, on)
    assert [(s.child_id, s.iro) for s in states] == [("C1", "CD"), ("C2", None)]
    assert iro.caseloads(states, raised, contacts, on) == [
        iro.Caseload("AB", 0, 2, 0),
        iro.Caseload("CD", 1, 0, 1),
        iro.Caseload(iro.NO_IRO, 1, 0, 0),
    ]
    assert iro.iro_of("C1", raised, contacts, date(2019, 8, 31)) == "AB"


def test_a_years_register_figures() -> None:
    """2019-20: raised 18 Apr 2019 (resolved 21 May, within 20 working days of raising);
    raised 1 Mar 2020 at stage 2 from 2 Mar, resolved 15 Apr 2020 (after the year: open at
    its end). 2018-19's escalation, resolved 2 May 2019, is not one of 2019-20's."""
    escalations = [
        _escalation(resolved_on=date(2019, 5, 21), outcome="resolved"),
        _escalation(
            raised_on=date(2020, 3, 1),
            stage="stage_2",
            stage_on=date(2020, 3, 2),
            resolved_on=date(2020, 4, 15),
            outcome="partly",
        ),
        _escalation(raised_on=date(2019, 3, 1), resolved_on=date(2019, 5, 2), outcome="resolved"),
    ]
    contacts = [iro.Contact("C1", "AB", date(2019, 4, 1), "visit")]
    year = iro.register_year(escalations, contacts, financial_year(2019))
    assert (len(year.raised), len(year.closed), year.open_at_end) == (2, 1, 1)
    assert [year.outcome_at_end(e) for e in year.raised] == ["resolved", "open"]
    assert year.resolved_in_time == 1
    # 2018-19: closed on 2 May 2019, after the year: open at its end, none closed
    before = iro.register_year(escalations, contacts, financial_year(2018))
    assert (len(before.raised), len(before.closed), before.open_at_end) == (1, 0, 1)
    # closed 2 May 2019, more than 20 working days after it was raised on 1 Mar 2019
    assert _escalation(raised_on=date(2019, 3, 1)).deadline == date(2019, 3, 29)
    assert (len(year.contacts), year.children_contacted) == (1, 1)
    counts = iro.alert_counts(iro.escalations_with_alerts(escalations, date(2020, 4, 14)), [])
    assert counts == {"escalation_stuck": 1, "review_overdue": 0, "no_contact": 0}
