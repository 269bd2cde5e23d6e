"""Referrals (requests) to early help in the synthetic world: who made each, what became of it,
and requests that early help passed straight on to children's social care.

The journeys give an early help record for every contact the front door passed to early help
and every case closed to early help after assessment (CIN closure reason RC9). This module,
with a random generator of its own (so nothing else in the world moves), then:

- brings the volume to about `PER_10K` requests a year per 10,000 children when the
  journeys give more (the City's: about 20 a year for its 900 children, seed 002: 27 in
  2018-19, 20 forecast for 2019-20). A record not kept takes its origin with it: the
  contact's outcome becomes 'advice', the closure reason RC8;
- gives each record its source (the contact's, or 5A "LA services: social care" for a step
  down) and outcome 'early_help' (taken on by early help);
- adds, for `ESCALATED` of the social-care referrals, an early help request made 1-14 days
  before it and passed on to social care (unaccompanied children apart): outcome 'referral',
  no assessment, closed that day as 'stepped_up'. It is still a referral to early help.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from csc_insight.store.schema import tables
from csc_insight.synth.world import Columns, World

PER_10K = 190.0  # requests a year per 10,000 children, before the escalated ones
ESCALATED = 0.025  # social-care referrals that began as a request for early help
STEP_DOWN_SOURCE = "5A"


def add_early_help_referrals(world: World) -> None:
    """Give `world.data['early_help']` its referral source and outcome (see the module)."""
    rng = np.random.default_rng([world.seed, 19, 1])
    d = world.data
    eh, contacts, referrals = d["early_help"], d["contacts"], d["referrals"]
    n = len(eh["eh_id"])
    source = np.full(n, STEP_DOWN_SOURCE, dtype=object)
    contact_of = np.full(n, -1, np.int64)
    closure_of = np.full(n, -1, np.int64)
    passed = _index(
        contacts["child_id"], contacts["decision_date"], contacts["outcome"] == "early_help"
    )
    closed = _index(
        referrals["child_id"], referrals["closure_date"], referrals["closure_reason"] == "RC9"
    )
    for i, key in enumerate(
        zip(eh["child_id"].tolist(), eh["referral_date"].tolist(), strict=True)
    ):
        if passed.get(key):
            contact_of[i] = passed[key].pop(0)
            source[i] = contacts["source_code"][contact_of[i]]
        elif closed.get(key):
            closure_of[i] = closed[key].pop(0)

    keep = rng.random(n) < min(1.0, PER_10K / max(_rate(world), 1e-9))
    contacts["outcome"][contact_of[~keep & (contact_of >= 0)]] = "advice"
    referrals["closure_reason"][closure_of[~keep & (closure_of >= 0)]] = "RC8"
    kept = {k: v[keep] for k, v in eh.items()}
    kept["referral_source"] = source[keep]
    kept["referral_outcome"] = np.full(int(keep.sum()), "early_help", dtype=object)

    escalated = _escalated(world, rng, first_id=n + 1)
    d["early_help"] = {c: np.concatenate([kept[c], escalated[c]]) for c in tables()["early_help"]}


def _index(child: np.ndarray, day: np.ndarray, where: np.ndarray) -> dict[tuple, list[int]]:
    """(child, day) -> row numbers, in order, of the rows `where` holds."""
    found: dict[tuple, list[int]] = defaultdict(list)
    for i in np.nonzero(where)[0].tolist():
        found[(child[i], day[i].astype(object))].append(i)
    return found


def _rate(world: World) -> float:
    """Early help records a year per 10,000 children in the window, as the journeys gave."""
    days = world.data["early_help"]["referral_date"]
    start, end = np.datetime64(world.start, "D"), np.datetime64(world.end, "D")
    years = ((end - start).astype(int) + 1) / 365.25
    pop = world.data["population"]["population"]
    children = float(pop[-1]) if len(pop) else 10_000.0
    return float(((days >= start) & (days <= end)).sum()) / years / (children / 10_000)


def _escalated(world: World, rng: np.random.Generator, first_id: int) -> Columns:
    r, ch = world.data["referrals"], world.data["children"]
    uasc = set(ch["child_id"][ch["uasc"] == True].tolist())  # noqa: E712 (object flags)
    arrived = np.fromiter((c in uasc for c in r["child_id"].tolist()), bool, len(r["child_id"]))
    picked = np.nonzero((rng.random(len(arrived)) < ESCALATED) & ~arrived)[0]
    m = len(picked)
    asked = np.busday_offset(
        r["referral_date"][picked] - rng.integers(1, 15, m), 0, roll="backward"
    )
    none = np.full(m, np.datetime64("NaT"), dtype="datetime64[D]")
    return {
        "eh_id": np.array([f"EH{i:07d}" for i in range(first_id, first_id + m)], dtype=object),
        "child_id": r["child_id"][picked],
        "referral_date": asked.astype("datetime64[D]"),
        "referral_source": r["source_code"][picked],
        "referral_outcome": np.full(m, "referral", dtype=object),
        "start_date": none,
        "completion_date": none,
        "organisation": np.full(m, "Early Help Team", dtype=object),
        "closure_date": asked.astype("datetime64[D]"),
        "closure_reason": np.full(m, "stepped_up", dtype=object),
        "goal_score_start": np.full(m, np.nan),
        "goal_score_review": np.full(m, np.nan),
        "goal_score_end": np.full(m, np.nan),
        "short_break": np.full(m, None, dtype=object),
        "source": np.full(m, "local", dtype=object),
        "source_ref": np.full(m, None, dtype=object),
    }
