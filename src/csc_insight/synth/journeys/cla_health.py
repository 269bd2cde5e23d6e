"""Looked-after children's reviews (cla_reviews), health and dental assessments
(health_assessments), and the OC2 outcomes of those in care for a year (cla_health)."""

from __future__ import annotations

from datetime import date

import numpy as np

from csc_insight.synth.days import add_years, day
from csc_insight.synth.journeys.sim import (
    Recurring,
    Sim,
    child_ids,
    collection_years,
    const,
    dates,
    flags,
    pick,
)
from csc_insight.synth.world import Columns


def review_health_tables(sim: Sim, care: dict[str, np.ndarray]) -> tuple[Columns, Columns]:
    rng, cal = sim.rng, sim.cal
    cid = child_ids(sim)
    # first review within 20 working days, the second within 3 months, then 6-monthly
    n = len(care["child"])
    first = cal.add(
        care["start"],
        np.where(rng.random(n) < 0.93, rng.integers(8, 21, n), rng.integers(21, 30, n)),
    )
    second = cal.prev(
        first + np.where(rng.random(n) < 0.92, rng.integers(60, 92, n), rng.integers(93, 110, n))
    )
    owner, later = sim.recurring(
        second,
        care["end"],
        Recurring(first=(150, 182), gap=(150, 182), late=0.07, late_gap=(184, 210), working=False),
    )
    r_owner = np.concatenate([np.arange(n), np.arange(n), owner])
    r_when = np.concatenate([first, second, later])
    ok = (r_when <= np.minimum(care["end"][r_owner], sim.e0)) & (r_when >= sim.warm)
    r_owner, r_when = r_owner[ok], r_when[ok]
    order = np.lexsort((r_when, r_owner))
    r_owner, r_when = r_owner[order], r_when[order]
    m = len(r_owner)
    # under 4 on the review's day: its fourth birthday, not 4 x 365 days (SSDA903 440, 441)
    young = r_when < add_years(care["dob"][r_owner], 4)
    code = pick(sim.rng, {"PN1": 70, "PN2": 8, "PN3": 7, "PN4": 5, "PN5": 4, "PN6": 3, "PN7": 3}, m)
    code[young] = "PN0"
    reviews = {
        "child_id": cid[care["child"][r_owner]],
        "review_date": dates(r_when),
        "review_code": code,
        "source": const("ssda903", m),
        "source_ref": const(None, m),
    }

    lasting = np.nonzero(care["end"] - care["start"] >= 20)[0]
    h_owner, h_when = sim.recurring(
        care["start"][lasting],
        care["end"][lasting],
        Recurring(first=(10, 20), gap=(300, 365), late=0.1, late_gap=(366, 420), working=False),
    )
    d_owner, d_when = sim.recurring(
        care["start"][lasting],
        care["end"][lasting],
        Recurring(first=(30, 120), gap=(250, 365), late=0.15, late_gap=(366, 450), working=False),
    )
    owner = lasting[np.concatenate([h_owner, d_owner])]
    when = np.concatenate([h_when, d_when])
    kind = np.concatenate(
        [
            np.full(len(h_owner), "health", dtype=object),
            np.full(len(d_owner), "dental", dtype=object),
        ]
    )
    order = np.lexsort((kind, when, owner))
    owner, when, kind = owner[order], when[order], kind[order]
    k = len(owner)
    health = {
        "child_id": cid[care["child"][owner]],
        "assessment_date": dates(when),
        "kind": kind,
        "source": const("local", k),
        "source_ref": const(None, k),
    }
    return reviews, health


def oc2_table(sim: Sim, care: dict[str, np.ndarray], extra: dict[str, Columns]) -> Columns:
    """OC2: children looked after continuously for 12 months at 31 March of each year."""
    rng = sim.rng
    cid = child_ids(sim)
    parts = []
    for year in collection_years(sim):
        ref = day(date(year, 3, 31))
        if ref > sim.e0:
            continue
        # looked after from 1 April (or before) to 31 March, as the DfE's rules define it:
        # care that began after 1 April or ended before 31 March breaks the year (191)
        year_start = day(date(year - 1, 4, 1))
        inside = np.nonzero((care["start"] <= year_start) & (care["end"] >= ref))[0]
        parts.append((inside, np.full(len(inside), year)))
    owner = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.int64)
    year = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.int64)
    n = len(owner)
    age = (
        np.array([day(date(int(y), 3, 31)) for y in year], dtype=np.int64) - care["dob"][owner]
    ) / 365.25
    sdq_due = (age >= 4) & (age < 17)
    sdq = np.clip(rng.normal(14, 7, n), 0, 40).astype(np.int64).astype(object)
    sdq[~sdq_due | (rng.random(n) < 0.15)] = None
    older = age >= 10
    convicted = flags((rng.random(n) < 0.03) & older, older)
    substance = rng.random(n) < 0.04
    extra["oc2"] = {
        "year": year,
        "sdq_reason": _sdq_reason(care["dob"][owner], year, sdq),
        "health_assessment": rng.random(n) < 0.9,
        "intervention_received": np.where(substance, rng.random(n) < 0.6, None).astype(object),
        "intervention_offered": rng.random(n) < 0.3,
    }
    # whether an intervention was offered: only for those who did not receive one (158, 159)
    received = extra["oc2"]["intervention_received"]
    extra["oc2"]["intervention_offered"] = np.where(
        received == False,  # noqa: E712
        extra["oc2"]["intervention_offered"],
        None,
    ).astype(object)
    return {
        "child_id": cid[care["child"][owner]],
        "year_ending": dates([day(date(int(y), 3, 31)) for y in year]),
        # Health promotion (HEALTH_CHECK) is for children under 5 at 31 March only (DfE
        # rules 545 and 546).
        "health_check": flags(
            extra["oc2"]["health_assessment"],
            add_years(care["dob"][owner], 5)
            > np.array([day(date(int(y), 3, 31)) for y in year], dtype=np.int64),
        ),
        "immunisations": flags(rng.random(n) < 0.86),
        "teeth_check": flags(rng.random(n) < 0.85),
        "sdq_score": sdq,
        "convicted": convicted,
        "substance_misuse": flags(substance),
        "source": const("ssda903", n),
        "source_ref": const(None, n),
    }


def _sdq_reason(dob: np.ndarray, year: np.ndarray, sdq: np.ndarray) -> np.ndarray:
    """The reason for no SDQ score, for a child without one who is 4 by 31 March and not 17
    by 1 April (SSDA903 186, 188, 189, 197B): SDQ1 (aged under 4 or over 17 at the
    assessment) where the child was at an edge of that range during the year, else SDQ4
    (other; SDQ1 is wrong for a child 4 at the start and 16 at the end: 157)."""
    end = np.array([day(date(int(y), 3, 31)) for y in year], dtype=np.int64)
    start = np.array([day(date(int(y) - 1, 4, 1)) for y in year], dtype=np.int64)
    b4, b16, b17 = add_years(dob, 4), add_years(dob, 16), add_years(dob, 17)
    reason = np.full(len(dob), None, dtype=object)
    none = sdq == None  # noqa: E711
    reason[none & (b4 <= end) & (b17 >= start)] = "SDQ1"
    reason[none & (b4 <= start) & (b16 >= end)] = "SDQ4"
    return reason
