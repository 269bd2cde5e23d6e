"""The workforce: teams and workers sized to the open caseload (workers), and who held each
case when (allocations)."""

from __future__ import annotations

import numpy as np

from csc_insight.synth import vocab
from csc_insight.synth.days import NA, add_years
from csc_insight.synth.journeys.sim import Sim, censor, child_ids, const, dates
from csc_insight.synth.world import Columns


def workforce_tables(
    sim: Sim, eps: dict[str, np.ndarray], care: dict[str, np.ndarray]
) -> tuple[Columns, Columns]:
    """Every open case held by a worker: the assessment team until the assessment is
    authorised, then a family support (or children in care) team; care leavers get a
    personal adviser in the leaving care team."""
    p, rng = sim.profile, sim.rng
    cid = child_ids(sim)
    n = len(eps["child"])
    kinds = ("Assessment Team", "Family Support Team", "Children in Care Team", "Leaving Care Team")
    open_at_end = [
        np.sum((eps["ref"] <= sim.e0) & (eps["a_auth"] > sim.e0)) + 1,
        np.sum((eps["a_auth"] <= sim.e0) & (eps["closure"] > sim.e0) & ~eps["care"]) + 1,
        np.sum((care["start"] <= sim.e0) & (care["end"] > sim.e0)) + 1,
        int(np.sum(care["at_18"] & (care["end"] <= sim.e0))) // 3 + 1,
    ]
    teams, members, names, roles, ftes = [], [], [], [], []
    pools: list[tuple[np.ndarray, np.ndarray]] = []
    w = 0
    for kind, cases in zip(kinds, open_at_end, strict=True):
        kteams = []
        kworkers = []
        per_team = max(2, int(np.ceil(cases / p.caseload / p.teams)))
        for t in range(p.teams):
            team = kind if p.teams == 1 else f"{kind} {t + 1}"
            for _ in range(per_team):
                w += 1
                members.append(f"W{w:06d}")
                teams.append(team)
                kteams.append(team)
                kworkers.append(f"W{w:06d}")
                names.append(
                    f"{vocab.FIRST_NAMES[rng.integers(0, 20)]} "
                    f"{vocab.LAST_NAMES[rng.integers(0, len(vocab.LAST_NAMES))]}"
                )
                roles.append("personal adviser" if kind == "Leaving Care Team" else "social worker")
                ftes.append(float(rng.choice([1.0, 1.0, 1.0, 0.8, 0.6])))
        pools.append((np.array(kworkers, dtype=object), np.array(kteams, dtype=object)))

    def assign(kind: int, k: int) -> tuple[np.ndarray, np.ndarray]:
        workers_, teams_ = pools[kind]
        j = rng.integers(0, len(workers_), k)
        return workers_[j], teams_[j]

    a_worker, a_team = assign(0, n)
    l_worker, l_team = assign(1, n)
    c_worker, c_team = assign(2, n)
    l_worker = np.where(eps["care"], c_worker, l_worker)
    l_team = np.where(eps["care"], c_team, l_team)
    eps["a_worker"], eps["a_team"], eps["worker"], eps["team"] = a_worker, a_team, l_worker, l_team
    # an episode closed before its assessment was authorised has no second allocation
    longer = (eps["a_auth"] != NA) & (eps["closure"] > eps["a_auth"])
    pa_worker, pa_team = assign(3, len(care["child"]))
    sim.leaving_care_worker = pa_worker
    leaver = care["at_18"] & (care["end"] - care["start"] >= 91)
    a_end = np.where(longer, eps["a_auth"], eps["closure"])
    child = np.concatenate([eps["child"], eps["child"][longer], care["child"][leaver]])
    worker = np.concatenate([a_worker, l_worker[longer], pa_worker[leaver]])
    team = np.concatenate([a_team, l_team[longer], pa_team[leaver]])
    start = np.concatenate([eps["ref"], eps["a_auth"][longer], care["end"][leaver]])
    end = np.concatenate([a_end, eps["closure"][longer], add_years(care["dob"][leaver], 21)])
    keep = (start <= sim.e0) & (end >= sim.s0 - 365)
    child, worker, team, start, end = (a[keep] for a in (child, worker, team, start, end))
    order = np.lexsort((start, child))
    child, worker, team, start, end = (a[order] for a in (child, worker, team, start, end))
    # the worker who last held each child's case, for visits
    holder = np.full(sim.n_children, None, dtype=object)
    holder[child] = worker
    sim.worker_of_child = holder
    m = len(child)
    alloc = {
        "child_id": cid[child],
        "worker": worker,
        "team": team,
        "start_date": dates(start),
        "end_date": dates(censor(sim.e0)(end)),
        "source": const("local", m),
        "source_ref": const(None, m),
    }
    k = len(members)
    workers = {
        "worker": np.array(members, dtype=object),
        "name": np.array(names, dtype=object),
        "team": np.array(teams, dtype=object),
        "role": np.array(roles, dtype=object),
        "fte": np.array(ftes),
        "source": const("local", k),
        "source_ref": const(None, k),
    }
    return alloc, workers
