"""The missing register's alerts and its merge with the loaded episodes, on hand-built
dates (the City's protocol: RHI offered within 72 hours of the return; the Lead Member
notified after 7 days missing; a third episode in 90 days)."""

from __future__ import annotations

from datetime import date

from csc_insight.registers.missing import (
    BOTH,
    LOADED,
    REGISTER,
    Episode,
    merged,
    with_alerts,
)

ON = date(2019, 12, 31)


def _alerts(*episodes: Episode, on: date = ON) -> dict[date, tuple[str, ...]]:
    return {ep.start: ep.alerts for ep in with_alerts(list(episodes), on)}


def test_rhi_offered_on_day_three_is_in_time_day_four_is_late() -> None:
    """Returned 1 Oct: 72 hours end on 4 Oct. Offered 4 Oct: in time; 5 Oct: late."""
    in_time = Episode(
        "C1", date(2019, 9, 30), returned_on=date(2019, 10, 1), rhi_offered_on=date(2019, 10, 4)
    )
    late = Episode(
        "C2", date(2019, 9, 30), returned_on=date(2019, 10, 1), rhi_offered_on=date(2019, 10, 5)
    )
    assert with_alerts([in_time], ON)[0].alerts == ()
    assert with_alerts([late], ON)[0].alerts == ("rhi_late",)


def test_rhi_not_offered_fires_only_once_72_hours_have_passed() -> None:
    """Returned 1 Dec, nothing offered: on 4 Dec there is still time (no alert); on 5 Dec
    the 72 hours have passed (alert). Still missing: no RHI is due, so no alert."""
    ep = Episode("C1", date(2019, 11, 30), returned_on=date(2019, 12, 1))
    assert _alerts(ep, on=date(2019, 12, 4))[ep.start] == ()
    assert _alerts(ep, on=date(2019, 12, 5))[ep.start] == ("rhi_late",)
    still = Episode("C1", date(2019, 12, 30))
    assert _alerts(still)[still.start] == ()


def test_loaded_flag_offered_without_a_date_is_not_late() -> None:
    ep = Episode(
        "C1", date(2019, 11, 1), returned_on=date(2019, 11, 2), rhi_offered=True, source=LOADED
    )
    assert _alerts(ep)[ep.start] == ()


def test_lead_member_after_seven_days() -> None:
    """Missing 1 Dec: 7 days to 8 Dec is not more than 7 (no alert); returned 9 Dec is 8 days
    (alert unless notified). Still missing on 9 Dec: 8 days (alert)."""
    seven = Episode(
        "C1", date(2019, 12, 1), returned_on=date(2019, 12, 8), rhi_offered_on=date(2019, 12, 8)
    )
    eight = Episode(
        "C2", date(2019, 12, 1), returned_on=date(2019, 12, 9), rhi_offered_on=date(2019, 12, 9)
    )
    told = Episode(
        "C3",
        date(2019, 12, 1),
        returned_on=date(2019, 12, 9),
        rhi_offered_on=date(2019, 12, 9),
        lead_member_notified_on=date(2019, 12, 8),
    )
    found = {ep.child_id: ep.alerts for ep in with_alerts([seven, eight, told], ON)}
    assert found == {"C1": (), "C2": ("lead_member",), "C3": ()}
    still = Episode("C4", date(2019, 12, 1))
    assert _alerts(still, on=date(2019, 12, 8))[still.start] == ()
    assert _alerts(still, on=date(2019, 12, 9))[still.start] == ("lead_member",)


def test_third_episode_in_90_days() -> None:
    """Starts 1 Sep, 1 Oct, 29 Nov: 29 Nov - 89 days = 1 Sep, so the third is inside the
    window (alert on 29 Nov only). Starts 1 Sep, 1 Oct, 30 Nov: 30 Nov's window starts
    2 Sep, leaving two (no alert)."""

    def child(cid: str, last: date) -> list[Episode]:
        return [
            Episode(cid, d, returned_on=d, rhi_offered_on=d)
            for d in (date(2019, 9, 1), date(2019, 10, 1), last)
        ]

    inside = {ep.start: ep.alerts for ep in with_alerts(child("C1", date(2019, 11, 29)), ON)}
    assert inside == {
        date(2019, 9, 1): (),
        date(2019, 10, 1): (),
        date(2019, 11, 29): ("third_in_90",),
    }
    outside = with_alerts(child("C2", date(2019, 11, 30)), ON)
    assert [ep.alerts for ep in outside] == [(), (), ()]
    # another child's episodes do not count towards this child's
    mixed = child("C3", date(2019, 11, 29))[:2] + [
        Episode(
            "C4",
            date(2019, 11, 29),
            returned_on=date(2019, 11, 29),
            rhi_offered_on=date(2019, 11, 29),
        )
    ]
    assert all(ep.alerts == () for ep in with_alerts(mixed, ON))


def test_same_child_and_start_is_one_episode() -> None:
    """Register: C1 on 1 Oct and 5 Oct. Loaded: C1 on 1 Oct (with a held RHI) and
    C1 on 9 Oct. Merged: three episodes; 1 Oct from both, filled from the returns."""
    register = [
        Episode("C1", date(2019, 10, 1), returned_on=date(2019, 10, 2), register_id=1),
        Episode("C1", date(2019, 10, 5), register_id=2),
    ]
    loaded = [
        Episode(
            "C1",
            date(2019, 10, 1),
            returned_on=date(2019, 10, 3),
            rhi_offered=True,
            rhi_held_on=date(2019, 10, 4),
            source=LOADED,
        ),
        Episode("C1", date(2019, 10, 9), source=LOADED),
    ]
    out = merged(register, loaded)
    assert [(ep.start.day, ep.source) for ep in out] == [(9, LOADED), (5, REGISTER), (1, BOTH)]
    both = out[2]
    assert both.returned_on == date(2019, 10, 2)  # the register's own date wins
    assert both.rhi_offered is True and both.rhi_held_on == date(2019, 10, 4)
    assert both.register_id == 1


def test_no_episodes() -> None:
    assert merged([], []) == []
    assert with_alerts([], ON) == []
