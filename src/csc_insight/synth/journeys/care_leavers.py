"""Care leavers: OC3 rows around the 17th-21st birthdays of those who left care at 18
(care_leavers), and pathway plan reviews (pathway_plan_reviews)."""

from __future__ import annotations

from datetime import date

import numpy as np

from csc_insight.synth import vocab
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
    select,
)
from csc_insight.synth.world import Columns


def care_leaver_tables(sim: Sim, care: dict[str, np.ndarray]) -> tuple[Columns, Columns]:
    """OC3 rows around the 17th-21st birthdays of those who left care at 18, and their
    pathway plan reviews (6-monthly from 16)."""
    p, rng = sim.profile, sim.rng
    cid = child_ids(sim)
    leaver = np.nonzero(care["at_18"] & (care["end"] - care["start"] >= 91))[0]
    owners, years, oc2s = [], [], []
    for year in collection_years(sim):
        lo, hi = day(date(year - 1, 4, 1)), min(day(date(year, 3, 31)), sim.e0)
        for age in (18, 19, 20, 21):
            bday = add_years(care["dob"][leaver], age)
            hit = (bday >= lo) & (bday <= hi) & (bday >= care["end"][leaver])
            owners.append(leaver[hit])
            years.append(np.full(int(hit.sum()), year))
            # Who left care on 31 March itself, in care since 1 April, was looked after
            # continuously for the year: OC2's, not a care leaver that year (SSDA903 187, 215).
            whole = (care["start"][leaver] <= lo) & (care["end"][leaver] >= day(date(year, 3, 31)))
            oc2s.append(whole[hit])
    owner = np.concatenate(owners)
    year = np.concatenate(years)
    in_oc2 = np.concatenate(oc2s)
    order = np.lexsort((owner, year))
    owner, year, in_oc2 = owner[order], year[order], in_oc2[order]
    n = len(owner)
    in_touch = pick(rng, vocab.IN_TOUCH, n)
    eet = rng.random(n) < p.eet
    activity = np.where(eet, pick(rng, vocab.ACTIVITY_EET, n), pick(rng, vocab.ACTIVITY_NEET, n))
    suitable = rng.random(n) < p.suitable
    accom = pick(rng, vocab.ACCOM, n)
    unknown = in_touch != "YES"
    activity = np.where(unknown & (rng.random(n) < 0.7), "G6", activity).astype(object)
    # Residence not known: R2 (the DfE's rule 133 wants a suffix); S is S2 only.
    not_known = unknown & (rng.random(n) < 0.7)
    accom = np.where(not_known, "R", accom).astype(object)
    # Died or returned home for six months or more: activity and accommodation do not
    # apply, which the OC3 records as 0 (the DfE's rules 344 and 345).
    not_applicable = np.isin(in_touch, ["DIED", "RHOM"])
    activity = np.where(not_applicable, "0", activity).astype(object)
    accom = np.where(not_applicable, "0", accom).astype(object)
    suitable_flag = flags(suitable & (accom != "S") & ~not_known, known=~not_applicable)
    year_end = np.array([day(date(int(y), 3, 31)) for y in year], dtype=np.int64)
    contact = np.minimum(year_end - rng.integers(0, 120, n), sim.e0)
    pa = sim.leaving_care_worker[owner] if n else np.zeros(0, dtype=object)
    leavers = {
        "child_id": cid[care["child"][owner]],
        "year_ending": dates(year_end),
        "in_touch": in_touch,
        "activity": activity,
        "accommodation": accom,
        "suitable": suitable_flag,
        "eligibility": const("former relevant", n),
        "latest_contact": dates(contact),
        "personal_advisor": pa,
        "source": const("ssda903", n),
        "source_ref": const(None, n),
    }
    # drawn for every row as before, so that the draws after them stay the same
    leavers = select(leavers, ~in_oc2)
    sixteen = add_years(care["dob"], 16)
    plan_start = np.maximum(care["start"], sixteen)
    plan_end = np.where(care["at_18"], add_years(care["dob"], 21), care["end"])
    has = np.nonzero(plan_start < plan_end)[0]
    owner, when = sim.recurring(
        plan_start[has],
        plan_end[has],
        Recurring(first=(20, 60), gap=(120, 180), late=0.08, late_gap=(185, 230), working=False),
    )
    keep = when >= sim.s0 - 365
    owner, when = has[owner[keep]], when[keep]
    order = np.lexsort((when, owner))
    owner, when = owner[order], when[order]
    k = len(owner)
    pathway = {
        "child_id": cid[care["child"][owner]],
        "review_date": dates(when),
        "source": const("local", k),
        "source_ref": const(None, k),
    }
    return leavers, pathway
