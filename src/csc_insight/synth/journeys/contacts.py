"""Contacts to the front door (contacts) and the early help they and closed cases lead
to (early_help)."""

from __future__ import annotations

import numpy as np

from csc_insight.synth import vocab
from csc_insight.synth.days import NA
from csc_insight.synth.journeys.sim import Sim, child_ids, const, dates, flags, ids, pick
from csc_insight.synth.world import Columns


def contact_tables(sim: Sim, eps: dict[str, np.ndarray]) -> tuple[Columns, Columns]:
    p, rng, cal = sim.profile, sim.rng, sim.cal
    in_window = (eps["ref"] >= sim.s0) & ~eps["uasc"]
    ref = eps["ref"][in_window]
    r_child = eps["child"][in_window]
    r_contact = cal.prev(ref - np.where(rng.random(len(ref)) < 0.75, 0, 1))
    n_other = max(0, int(rng.poisson(p.contacts_per_year * sim.years(sim.s0, sim.e0))) - len(ref))
    o_contact = rng.integers(sim.s0, sim.e0 + 1, n_other)
    o_contact = np.where(rng.random(n_other) < 0.93, cal.next(o_contact), o_contact)
    o_contact = np.minimum(o_contact, sim.e0)
    known = rng.random(n_other) < 0.4
    o_child = np.empty(n_other, np.int64)
    o_child[known] = eps["child"][rng.integers(0, len(eps["child"]), int(known.sum()))]
    n_new = int((~known).sum())
    age = (rng.beta(1.1, 1.3, n_new) * 17.8 * 365.25).astype(np.int64)
    o_child[~known] = sim.new_children(o_contact[~known] - age, np.zeros(n_new, bool))
    lag = np.where(
        rng.random(n_other) < 0.72,
        0,
        np.where(rng.random(n_other) < 0.75, 1, rng.integers(2, 6, n_other)),
    )
    o_decision = np.minimum(cal.add(o_contact, lag), sim.e0)
    outcome = pick(rng, {"nfa": 50, "advice": 38, "early_help": 12}, n_other)

    contact_date = np.concatenate([r_contact, o_contact])
    child = np.concatenate([r_child, o_child])
    decision = np.concatenate([ref, o_decision])
    out = np.concatenate([np.full(len(ref), "referral", dtype=object), outcome])
    src = np.concatenate([eps["src"][in_window], pick(rng, vocab.REFERRAL_SOURCES, n_other)])
    order = np.lexsort((child, contact_date))
    contact_date, child, decision, out, src = (
        a[order] for a in (contact_date, child, decision, out, src)
    )
    nc = len(child)
    cid = child_ids(sim)
    contacts = {
        "contact_id": ids("CT", 1, nc),
        "child_id": cid[child],
        "contact_date": dates(contact_date),
        "source_code": src,
        "decision_date": dates(decision),
        "outcome": out,
        "source": const("local", nc),
        "source_ref": const(None, nc),
    }
    # early help: contacts passed to early help, and cases closed to early help (RC9)
    eh_from = np.nonzero(out == "early_help")[0]
    rc9 = (eps["reason"] == "RC9") & (eps["closure"] >= sim.s0) & (eps["closure"] <= sim.e0)
    eh_child = np.concatenate([child[eh_from], eps["child"][rc9]])
    eh_ref = np.concatenate([decision[eh_from], eps["closure"][rc9]])
    m = len(eh_child)
    eh_start = cal.add(eh_ref, rng.integers(0, 8, m))
    completion = cal.add(eh_start, rng.integers(8, 35, m))
    closure = completion + rng.integers(60, 260, m)
    g0 = np.round(rng.uniform(1.5, 5.5, m), 1)
    g1 = np.round(np.minimum(10, g0 + rng.uniform(-0.5, 3, m)), 1)
    g2 = np.round(np.minimum(10, g1 + rng.uniform(-0.5, 3, m)), 1)
    started = eh_start <= sim.e0
    completed = completion <= sim.e0
    closed = closure <= sim.e0
    reviewed = eh_start + 90 <= sim.e0
    disabled = sim.child("disability")[eh_child]
    eh = {
        "eh_id": ids("EH", 1, m, 7),
        "child_id": cid[eh_child],
        "referral_date": dates(eh_ref),
        "start_date": dates(np.where(started, eh_start, NA)),
        "completion_date": dates(np.where(completed, completion, NA)),
        "organisation": pick(rng, vocab.EH_ORGANISATIONS, m),
        "closure_date": dates(np.where(closed, closure, NA)),
        "closure_reason": np.where(closed, pick(rng, vocab.EH_CLOSURE, m), None).astype(object),
        "goal_score_start": np.where(started, g0, np.nan),
        "goal_score_review": np.where(reviewed, g1, np.nan),
        "goal_score_end": np.where(closed, g2, np.nan),
        "short_break": flags(disabled & (rng.random(m) < 0.4)),
        "source": const("local", m),
        "source_ref": const(None, m),
    }
    return contacts, eh
