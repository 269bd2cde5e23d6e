"""The providers register's alerts on hand-built dates: a change of Ofsted rating where our
children live (a downgrade above all), within 12 months of the inspection; the annual
monitoring visit overdue after 12 calendar months."""

from __future__ import annotations

from datetime import date

from csc_insight.registers.providers import (
    Judgement,
    ProviderState,
    Visit,
    add_months,
    normal_urn,
    with_alerts,
)

ON = date(2019, 12, 31)
VISITED = (Visit(date(2019, 3, 1), "met"),)  # not overdue on ON (due by 1 March 2020)


def _state(*ratings: tuple[str, str], children: int | None = 2, visits=VISITED) -> ProviderState:
    return ProviderState(
        urn="SC000001",
        name="Agency",
        kind="ifa",
        ratings=tuple(Judgement(date.fromisoformat(d), r) for d, r in ratings),
        visits=visits,
        children_now=children,
    )


def test_a_downgrade_where_children_live_fires() -> None:
    """Good (May 2018) then Requires improvement (June 2019), two children placed now."""
    state = with_alerts(_state(("2018-05-01", "good"), ("2019-06-10", "requires_improvement")), ON)
    assert state.alerts == ("downgraded",)
    assert (state.rating_label, state.previous.label) == ("Requires improvement", "Good")


def test_no_children_there_no_rating_alert_unknown_fires() -> None:
    ratings = (("2018-05-01", "good"), ("2019-06-10", "inadequate"))
    assert with_alerts(_state(*ratings, children=0), ON).alerts == ()
    # no data loaded: where children live is not known, so the change is not missed
    assert with_alerts(_state(*ratings, children=None), ON).alerts == ("downgraded",)


def test_an_upgrade_a_first_rating_and_the_same_rating() -> None:
    assert with_alerts(
        _state(("2018-05-01", "good"), ("2019-06-10", "outstanding")), ON
    ).alerts == ("upgraded",)
    assert with_alerts(_state(("2019-06-10", "inadequate")), ON).alerts == ()
    assert with_alerts(_state(("2018-05-01", "good"), ("2019-06-10", "good")), ON).alerts == ()


def test_a_change_is_an_alert_for_12_months() -> None:
    """Inspected 30 December 2018: still an alert on 30 December 2019, not on the 31st."""
    state = _state(("2017-05-01", "outstanding"), ("2018-12-30", "good"))
    assert with_alerts(state, date(2019, 12, 30)).alerts == ("downgraded",)
    assert with_alerts(state, ON).alerts == ()


def test_an_inspection_after_the_day_is_not_known_yet() -> None:
    state = with_alerts(_state(("2018-05-01", "good"), ("2020-01-05", "inadequate")), ON)
    assert (state.alerts, state.rating_label, len(state.ratings)) == ((), "Good", 1)


def test_the_monitoring_visit_is_overdue_after_12_months() -> None:
    """Visited 31 December 2018: due by 31 December 2019; overdue from 1 January 2020."""
    visited = (Visit(date(2018, 12, 31), "partly"),)
    assert with_alerts(_state(visits=visited), ON).alerts == ()
    assert with_alerts(_state(visits=visited), date(2020, 1, 1)).alerts == ("visit_overdue",)
    assert with_alerts(_state(visits=()), ON).alerts == ("visit_overdue",)
    # a visit after the day does not count yet
    later = (Visit(date(2020, 2, 1), "met"),)
    assert with_alerts(_state(visits=later), ON).alerts == ("visit_overdue",)


def test_29_february_and_urns() -> None:
    assert add_months(date(2020, 2, 29), 12) == date(2021, 2, 28)
    assert add_months(date(2019, 8, 31), 6) == date(2020, 2, 29)
    visited = (Visit(date(2020, 2, 29), "met"),)
    assert with_alerts(_state(visits=visited), date(2021, 2, 28)).alerts == ()
    assert with_alerts(_state(visits=visited), date(2021, 3, 1)).alerts == ("visit_overdue",)
    assert normal_urn(" sc 123456 ") == "SC123456"
    assert normal_urn("XXXXXXX") is None
    assert normal_urn("SC-1") is None
