"""Visits to children on CP and CIN plans and in care (visits), with the worker who made
them."""

from __future__ import annotations

import numpy as np

from csc_insight.synth.days import NA
from csc_insight.synth.journeys.sim import Recurring, Sim, child_ids, const, dates, flags
from csc_insight.synth.world import Columns


def visits_table(sim: Sim, eps: dict[str, np.ndarray], care: dict[str, np.ndarray]) -> Columns:
    rng = sim.rng
    lower = sim.s0 - 90
    parts = []
    specs = (
        (
            "CP",
            eps["cp_start"],
            eps["cp_end"],
            eps["child"],
            Recurring(first=(1, 8), gap=(6, 10), late=0.08, late_gap=(11, 16)),
            0.8,
        ),
        (
            "CIN",
            eps["cin1_start"],
            eps["cin1_end"],
            eps["child"],
            Recurring(first=(3, 15), gap=(12, 20), late=0.1, late_gap=(21, 30)),
            0.6,
        ),
        (
            "CIN",
            eps["cin2_start"],
            eps["cin2_end"],
            eps["child"],
            Recurring(first=(3, 15), gap=(12, 20), late=0.1, late_gap=(21, 30)),
            0.6,
        ),
        (
            "CLA",
            care["start"],
            care["end"],
            care["child"],
            Recurring(first=(1, 5), gap=(20, 30), late=0.05, late_gap=(31, 40)),
            0.85,
        ),
    )
    for kind, starts, ends, owner_child, rule, alone in specs:
        has = np.nonzero(starts != NA)[0]
        owner, when = sim.recurring(starts[has], ends[has], rule, lower=lower)
        keep = when >= lower
        c = owner_child[has][owner[keep]]
        parts.append(
            (c, when[keep], np.full(len(c), kind, dtype=object), rng.random(len(c)) < alone)
        )
    child = np.concatenate([p[0] for p in parts])
    when = np.concatenate([p[1] for p in parts])
    kind = np.concatenate([p[2] for p in parts])
    alone = np.concatenate([p[3] for p in parts])
    order = np.lexsort((kind, when, child))
    child, when, kind, alone = child[order], when[order], kind[order], alone[order]
    n = len(child)
    return {
        "child_id": child_ids(sim)[child],
        "visit_date": dates(when),
        "visit_type": kind,
        "seen_alone": flags(alone),
        "worker": sim.worker_of_child[child],
        "source": const("local", n),
        "source_ref": const(None, n),
    }
