"""The CIN census tables from the episodes of need: referrals, assessments (with their
factors), s47_enquiries, cin_plans, cp_plans and cp_reviews (pre_proceedings: none, as the
synthetic years are before 2025-26)."""

from __future__ import annotations

import numpy as np

from csc_insight.store.schema import tables
from csc_insight.synth import vocab
from csc_insight.synth.days import NA
from csc_insight.synth.journeys.sim import (
    Recurring,
    Sim,
    censor,
    child_ids,
    const,
    dates,
    flags,
    ids,
    select,
)
from csc_insight.synth.world import Columns


def cin_tables(sim: Sim, eps: dict[str, np.ndarray], alloc: Columns) -> dict[str, Columns]:
    rng, e0 = sim.rng, sim.e0
    cid = child_ids(sim)
    n = len(eps["child"])
    ref_ids = ids("R", 1, n)
    eps["referral_id"] = ref_ids
    child = cid[eps["child"]]
    team, worker = eps["team"], eps["worker"]
    cen = censor(e0)
    closure = cen(eps["closure"])
    referrals12 = _count_previous(eps["child"], eps["ref"], 365)
    keep = eps["ref"] <= e0
    out: dict[str, Columns] = {}
    out["referrals"] = select(
        {
            "referral_id": ref_ids,
            "child_id": child,
            "referral_date": dates(eps["ref"]),
            "source_code": eps["src"],
            "nfa": flags(eps["nfa"]),
            "primary_need": eps["need"],
            "closure_date": dates(closure),
            "closure_reason": np.where(closure == NA, None, eps["reason"]).astype(object),
            "referrals_12m": referrals12.astype(object),
            "team": eps["a_team"],
            "worker": eps["a_worker"],
            "source": const("cin_census", n),
            "source_ref": const(None, n),
        },
        keep,
    )

    a = eps["assessed"] & (eps["a_start"] <= e0)
    auth = cen(eps["a_auth"])
    factor_pool = _factor_pool(rng)
    factors = np.where(auth != NA, factor_pool[eps["factors"]], None).astype(object)
    out["assessments"] = select(
        {
            "assessment_id": ids("A", 1, n),
            "child_id": child,
            "referral_id": ref_ids,
            "start_date": dates(eps["a_start"]),
            "authorised_date": dates(auth),
            "child_seen": flags(eps["seen"]),
            "child_seen_date": dates(cen(eps["seen_date"])),
            "needs_support": flags(eps["needs_support"], auth != NA),
            "factors": factors,
            "team": eps["a_team"],
            "worker": eps["a_worker"],
            "source": const("cin_census", n),
            "source_ref": const(None, n),
        },
        a,
    )

    s = eps["s47"] & (eps["strat"] <= e0)
    icpc = cen(eps["icpc"])
    decided = (icpc != NA) | (cen(eps["closure"]) != NA) | (eps["strat"] + 60 < e0)
    out["s47_enquiries"] = select(
        {
            "s47_id": ids("S", 1, n),
            "child_id": child,
            "referral_id": ref_ids,
            "start_date": dates(eps["strat"]),
            "icpc_target_date": dates(eps["icpc_target"]),
            "icpc_date": dates(icpc),
            "icpc_not_required": flags(icpc == NA, decided),
            "cp_plan_resulted": flags(eps["cp"] & (icpc != NA), icpc != NA),
            "team": team,
            "worker": worker,
            # Annex A List 5's counts are as at its date: write_annexa works them out.
            "s47_12m": const(None, n),
            "icpc_12m": const(None, n),
            "source": const("cin_census", n),
            "source_ref": const(None, n),
        },
        s,
    )

    cin_owner = np.concatenate([np.arange(n), np.arange(n)])
    cin_start = np.concatenate([eps["cin1_start"], eps["cin2_start"]])
    cin_end = np.concatenate([eps["cin1_end"], eps["cin2_end"]])
    has = (cin_start != NA) & (cin_start <= e0)
    cin_owner, cin_start, cin_end = cin_owner[has], cin_start[has], cen(cin_end[has])
    order = np.lexsort((cin_start, cin_owner))
    cin_owner, cin_start, cin_end = cin_owner[order], cin_start[order], cin_end[order]
    k = len(cin_owner)
    out["cin_plans"] = {
        "cin_plan_id": ids("CIN", 1, k),
        "child_id": child[cin_owner],
        "referral_id": ref_ids[cin_owner],
        "start_date": dates(cin_start),
        "end_date": dates(cin_end),
        "source": const("cin_census", k),
        "source_ref": const(None, k),
    }

    cp = eps["cp"] & (eps["cp_start"] <= e0)
    cp_end = cen(eps["cp_end"])
    cp_ids = ids("CPP", 1, n)
    out["cp_plans"] = select(
        {
            "cp_plan_id": cp_ids,
            "child_id": child,
            "referral_id": ref_ids,
            "start_date": dates(eps["cp_start"]),
            "end_date": dates(cp_end),
            "initial_category": eps["cat_i"],
            "latest_category": eps["cat_l"],
            "previous_plans": eps["prev_cp"].astype(object),
            "team": team,
            "worker": worker,
            "source": const("cin_census", n),
            "source_ref": const(None, n),
        },
        cp,
    )
    plan = np.nonzero(cp)[0]
    owner, when = sim.recurring(
        eps["cp_start"][plan],
        eps["cp_end"][plan],
        Recurring(first=(70, 90), gap=(150, 180), late=0.08, late_gap=(185, 215), working=False),
    )
    owner = plan[owner]
    r = len(owner)
    out["cp_reviews"] = {
        "cp_plan_id": cp_ids[owner],
        "child_id": child[owner],
        "review_date": dates(when),
        "source": const("cin_census", r),
        "source_ref": const(None, r),
    }
    # The census records pre-proceedings from 2025-26 only, after the synthetic years.
    out["pre_proceedings"] = {column: const(None, 0) for column in tables()["pre_proceedings"]}
    return out


def _factor_pool(rng: np.random.Generator) -> np.ndarray:
    codes = np.array(vocab.FACTORS, dtype=object)
    pool = []
    for _ in range(4096):
        k = int(rng.integers(1, 4))
        pool.append(",".join(sorted(rng.choice(codes, k, replace=False).tolist())))
    return np.array(pool, dtype=object)


def _count_previous(child: np.ndarray, when: np.ndarray, window: int) -> np.ndarray:
    """For rows sorted by date, how many earlier rows of the same child fall within `window`
    days before (the Annex A 'number of referrals in the last 12 months', this one included)."""
    order = np.lexsort((when, child))
    c, w = child[order], when[order]
    count = np.ones(len(c), np.int64)
    for back in range(1, 8):
        same = np.zeros(len(c), bool)
        same[back:] = (c[back:] == c[:-back]) & (w[back:] - w[:-back] <= window)
        count += same
    out = np.empty_like(count)
    out[order] = count
    return out
