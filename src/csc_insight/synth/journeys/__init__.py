"""Simulate children's journeys, vectorised with numpy: contacts, referrals, assessments, S47s,
plans, care, care leavers. `simulate` produces the canonical tables of a `World`.

Everything is drawn from one `numpy.random.Generator(seed)` in a fixed order (the order of the
calls in `simulate`), so a seed gives the same world every time. Journeys start four years
before the window (a warm-up, so the window opens with realistic open caseloads) and anything
dated after the window's end is treated as not yet happened (censored), as in a real extract
taken on that day. Within the simulation dates are int64 day numbers (`days.day`); `NA` = none.

Modules, by what they generate: `referrals` (episodes of need), `looked_after` (periods of
care, cla_episodes), `contacts` (contacts, early_help), `workforce` (workers, allocations),
`visits`, `cin_census` (the CIN census tables), `cla_health` (cla_reviews,
health_assessments, cla_health), `missing` (missing_episodes), `care_leavers` (care_leavers,
pathway_plan_reviews), `adoption`, `children` (children, population); `sim` holds the shared
state and helpers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np

from csc_insight.common.calendar import WorkingDays
from csc_insight.synth.days import day
from csc_insight.synth.journeys.adoption import adoption_table
from csc_insight.synth.journeys.care_leavers import care_leaver_tables
from csc_insight.synth.journeys.children import children_table, population_table
from csc_insight.synth.journeys.cin_census import cin_tables
from csc_insight.synth.journeys.cla_health import oc2_table, review_health_tables
from csc_insight.synth.journeys.contacts import contact_tables
from csc_insight.synth.journeys.looked_after import care_periods, placements
from csc_insight.synth.journeys.missing import missing_table
from csc_insight.synth.journeys.referrals import death_dates, draw_episodes
from csc_insight.synth.journeys.sim import WARM_UP_YEARS, Sim, dates, pick, segments
from csc_insight.synth.journeys.visits import visits_table
from csc_insight.synth.journeys.workforce import workforce_tables
from csc_insight.synth.profiles import Profile
from csc_insight.synth.world import Columns, World

__all__ = ["WARM_UP_YEARS", "pick", "segments", "simulate"]

Progress = Callable[[str], None]


def simulate(
    profile: Profile, seed: int, start: date, end: date, progress: Progress | None = None
) -> World:
    step = progress or (lambda _what: None)
    rng = np.random.default_rng(seed)
    warm_start = date(start.year - WARM_UP_YEARS, start.month, 1)
    cal = WorkingDays(date(warm_start.year - 1, 1, 1), date(end.year + 25, 12, 31))
    sim = Sim(profile, rng, cal, day(start), day(end), day(warm_start))
    data: dict[str, Columns] = {}
    extra: dict[str, Columns] = {}

    step("referrals and plans")
    eps = draw_episodes(sim)
    step("children in care")
    care = care_periods(sim, eps)
    episodes = placements(sim, care)
    step("contacts and early help")
    contacts, early_help = contact_tables(sim, eps)
    step("workforce, visits, reviews, missing")
    alloc, workers = workforce_tables(sim, eps, care)
    visits = visits_table(sim, eps, care)
    step("care leavers")
    leavers, pathway = care_leaver_tables(sim, care)

    data["children"] = children_table(sim)
    data["children"]["death_date"] = dates(death_dates(sim, eps))
    data["contacts"] = contacts
    data["early_help"] = early_help
    data.update(cin_tables(sim, eps, alloc))
    data["visits"] = visits
    data["cla_episodes"] = episodes
    data["cla_reviews"], data["health_assessments"] = review_health_tables(sim, care)
    data["cla_health"] = oc2_table(sim, care, extra)
    data["missing_episodes"] = missing_table(sim, eps, care)
    data["care_leavers"] = leavers
    data["pathway_plan_reviews"] = pathway
    data["adoption"] = adoption_table(sim, care, extra)
    # Annex A List 8's as-at summary: write_annexa works it out from the tables above.
    data["cla_summary"] = {
        c: np.array([], dtype=object)
        for c in (
            "child_id",
            "second_period",
            "placements_12m",
            "missing_12m",
            "absent_12m",
            "rhi_offered",
            "rhi_accepted",
            "permanence_plan",
            "placement_location",
            "placement_la",
            "source",
            "source_ref",
        )
    }
    data["allocations"] = alloc
    data["workers"] = workers
    data["population"] = population_table(sim)
    extra["periods"] = care
    return World(profile=profile.name, seed=seed, start=start, end=end, data=data, extra=extra)
