"""Missing and away-from-placement episodes (missing_episodes), with return home
interviews: looked-after teenagers, and teenagers on a child in need or child protection
plan who are not looked after (the local missing register's, which SSDA903 does not hold)."""

from __future__ import annotations

import numpy as np

from csc_insight.synth.days import NA
from csc_insight.synth.journeys.sim import Sim, child_ids, const, dates, flags, segments
from csc_insight.synth.world import Columns

LOOKED_AFTER_RUNNERS = 0.3  # of teenagers' periods of care with missing episodes
# Of teenagers' CIN or CP plans (not looked after) with missing episodes: most children
# reported missing are not looked after, so a council's figures for them are never all 0.
NOT_LOOKED_AFTER_RUNNERS = 0.3


def missing_table(sim: Sim, eps: dict[str, np.ndarray], care: dict[str, np.ndarray]) -> Columns:
    """Missing and away episodes of looked-after teenagers and of teenagers in need."""
    rng = sim.rng
    cid = child_ids(sim)
    dob = sim.child("dob")
    lo = sim.s0 - 365
    c_start = np.maximum(care["start"], lo)
    c_end = np.minimum(care["end"], sim.e0)
    teen = (c_start - care["dob"]) > 12 * 365
    runner = teen & (rng.random(len(teen)) < LOOKED_AFTER_RUNNERS) & (c_end > c_start)
    e_start = np.maximum(np.where(eps["cin1_start"] != NA, eps["cin1_start"], eps["cp_start"]), lo)
    e_end = np.minimum(np.where(eps["cin1_start"] != NA, eps["cin1_end"], eps["cp_end"]), sim.e0)
    e_teen = (e_start - dob[eps["child"]]) > 12 * 365
    e_runner = (
        ((eps["cin1_start"] != NA) | (eps["cp_start"] != NA))
        & e_teen
        & (rng.random(len(e_teen)) < NOT_LOOKED_AFTER_RUNNERS)
        & (e_end > e_start)
        & ~eps["care"]
    )
    owners_child = np.concatenate([care["child"][runner], eps["child"][e_runner]])
    a = np.concatenate([c_start[runner], e_start[e_runner]])
    b = np.concatenate([c_end[runner], e_end[e_runner]])
    looked_after = np.concatenate(
        [np.ones(int(runner.sum()), bool), np.zeros(int(e_runner.sum()), bool)]
    )
    k = rng.poisson(np.maximum(b - a, 0) / 365.25 * 3) + 1
    owner, _ = segments(k)
    start = a[owner] + (rng.random(len(owner)) * (b - a)[owner]).astype(np.int64)
    order = np.lexsort((start, owner))
    owner, start = owner[order], start[order]
    n = len(owner)
    dur = np.where(rng.random(n) < 0.7, rng.integers(0, 2, n), rng.integers(2, 8, n))
    end = start + dur
    # a looked-after child's episode ends by the end of the care it started in, the day
    # before if that care ended in the window (SSDA903 575, 577, 580)
    care_ended = np.concatenate(
        [care["end"][runner] <= sim.e0, np.zeros(int(e_runner.sum()), bool)]
    )
    last_day = np.where(care_ended[owner], b[owner] - 1, b[owner])
    end = np.where(looked_after[owner], np.minimum(end, np.maximum(last_day, start)), end)
    # episodes of one child must not overlap (SSDA903 574): one starting by the latest end
    # of any earlier one of its owner is dropped (not only by the end of the one before: a
    # short episode inside a long one would let the next overlap the long one)
    same = np.zeros(n, bool)
    same[1:] = owner[1:] == owner[:-1]
    base = int(end.min()) if n else 0
    span = int(end.max()) - base + 1 if n else 1
    # owners are in order, so a running maximum of (owner, end) is each owner's latest end
    latest_end = np.maximum.accumulate(owner * span + end - base) - owner * span + base
    clash = np.zeros(n, bool)
    clash[1:] = same[1:] & (start[1:] <= latest_end[:-1])
    keep = ~clash & (start >= lo)
    owner, start, end = owner[keep], start[keep], end[keep]
    n = len(owner)
    ended = end <= sim.e0
    offered = ended & (rng.random(n) < 0.9)
    accepted = offered & (rng.random(n) < 0.65)
    rhi = np.where(
        accepted,
        end + np.where(rng.random(n) < 0.85, rng.integers(0, 3, n), rng.integers(3, 10, n)),
        NA,
    )
    rhi = np.where(rhi > sim.e0, NA, rhi)
    la = looked_after[owner]
    return {
        "child_id": cid[owners_child[owner]],
        "missing_type": np.where(rng.random(n) < 0.85, "M", "A").astype(object),
        "start_date": dates(start),
        "end_date": dates(np.where(ended, end, NA)),
        "rhi_offered": flags(offered, ended),
        "rhi_accepted": flags(accepted, offered),
        "rhi_date": dates(rhi),
        "source": np.where(la, "ssda903", "local").astype(object),
        "source_ref": const(None, n),
    }
