"""Working-day events never fall on weekends or England's bank holidays."""

from __future__ import annotations

from datetime import date

import holidays
import numpy as np

from csc_insight.common.calendar import WorkingDays
from csc_insight.synth import World
from csc_insight.synth.days import day, to_date


def test_calendar_steps_over_bank_holidays() -> None:
    cal = WorkingDays(date(2019, 1, 1), date(2020, 12, 31))
    christmas, ve_day = day(date(2019, 12, 25)), day(date(2020, 5, 8))
    assert cal.is_working_day(np.array([christmas, ve_day])).tolist() == [False, False]
    assert to_date(cal.next(np.array([christmas]))[0]) == date(2019, 12, 27)
    assert to_date(cal.prev(np.array([ve_day]))[0]) == date(2020, 5, 7)
    # Friday 8 May 2020 (bank holiday) + 1 working day = Tuesday 12 May
    assert to_date(cal.add(np.array([ve_day]), 1)[0]) == date(2020, 5, 12)


def test_working_day_events(city: World) -> None:
    bank = holidays.country_holidays("GB", subdiv="ENG", years=range(2010, 2021))
    t = city.tables()
    events = (
        [a["authorised_date"] for a in t["assessments"]]
        + [s["start_date"] for s in t["s47_enquiries"]]
        + [s["icpc_date"] for s in t["s47_enquiries"]]
        + [r["review_date"] for r in t["cp_reviews"]]
        + [r["review_date"] for r in t["cla_reviews"]]
        + [v["visit_date"] for v in t["visits"]]
        + [r["referral_date"] for r in t["referrals"]]
    )
    events = [d for d in events if d is not None]
    assert len(events) > 1000
    bad = [d for d in events if d.weekday() >= 5 or d in bank]
    assert bad == []
