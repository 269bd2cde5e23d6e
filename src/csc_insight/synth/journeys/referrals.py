"""Episodes of need: each referral and what follows it, drawn per episode.

Assessment, strategy discussion / S47 enquiry, ICPC, CIN and CP plans, coming into care and
closure, in rounds: each round's re-referrals follow the previous episode's closure, so a
child's episodes never overlap. Also creates the referred and unaccompanied children.
"""

from __future__ import annotations

import numpy as np

from csc_insight.synth import vocab
from csc_insight.synth.days import NA, add_years
from csc_insight.synth.journeys.sim import Sim, pick


def draw_episodes(sim: Sim) -> dict[str, np.ndarray]:
    """Episodes of need (referral to closure), in rounds: each round's re-referrals follow the
    previous episode's closure, so a child's episodes never overlap."""
    p, rng, cal = sim.profile, sim.rng, sim.cal
    years = sim.years(sim.warm, sim.e0)
    n_first = rng.poisson(p.referrals_per_year * years * (1 - p.rereferral * 0.8))
    ref = cal.next(rng.integers(sim.warm, sim.e0 + 1, n_first))
    age_days = (rng.beta(1.1, 1.3, n_first) * 17.6 * 365.25).astype(np.int64)
    dob = ref - age_days - 30
    children = sim.new_children(dob, np.zeros(n_first, bool))
    # Unaccompanied children arrive at 14-17 and come straight into care.
    n_uasc = rng.poisson(p.uasc_per_year * years)
    uasc_ref = cal.next(rng.integers(sim.warm, sim.e0 + 1, n_uasc))
    uasc_age = (
        np.where(
            rng.random(n_uasc) < 0.8, rng.uniform(16, 17.9, n_uasc), rng.uniform(14, 16, n_uasc)
        )
        * 365.25
    ).astype(np.int64)
    uasc_children = sim.new_children(uasc_ref - uasc_age, np.ones(n_uasc, bool))

    dob_all = sim.child("dob")
    batches = [
        _batch(
            sim,
            np.concatenate([children, uasc_children]),
            np.concatenate([ref, uasc_ref]),
            np.concatenate([np.zeros(n_first, bool), np.ones(n_uasc, bool)]),
            np.where(rng.random(n_first + n_uasc) < 0.08, 1, 0),
            dob_all,
        )
    ]
    while True:
        prev = batches[-1]
        # an adopted child is no longer known under their id (SSDA903 199): never re-referred
        again = (rng.random(len(prev["child"])) < p.rereferral) & ~prev["uasc"] & ~prev["adopt"]
        gap = (rng.exponential(140, len(again)) + 10).astype(np.int64)
        nxt = cal.next(prev["closure"] + gap)
        again &= (nxt <= sim.e0) & (nxt < add_years(dob_all[prev["child"]], 18) - 120)
        if not again.any():
            break
        batches.append(
            _batch(
                sim,
                prev["child"][again],
                nxt[again],
                prev["uasc"][again],
                prev["prev_cp"][again] + prev["cp"][again],
                dob_all,
            )
        )
    eps = {k: np.concatenate([b[k] for b in batches]) for k in batches[0]}
    order = np.lexsort((eps["child"], eps["ref"]))
    eps = {k: v[order] for k, v in eps.items()}
    _deaths(eps)
    return eps


def _deaths(eps: dict[str, np.ndarray]) -> None:
    """A child whose episode closed as died (RC2) dies that day (`eps['death']`, read by
    `death_dates`): the closure of the child's last episode, outside care. An RC2 drawn on an
    earlier episode becomes RC7 (services ceased for any other reason), as the child was
    referred again."""
    died = (eps["reason"] == "RC2") & _last_of_child(eps["child"]) & ~eps["care"]
    eps["reason"][(eps["reason"] == "RC2") & ~died] = "RC7"
    eps["death"] = np.where(died, eps["closure"], NA)


def _last_of_child(child: np.ndarray) -> np.ndarray:
    """For rows in date order, whether each is its child's last."""
    rev = child[::-1]
    _, first_in_rev = np.unique(rev, return_index=True)
    last = np.zeros(len(child), bool)
    last[len(child) - 1 - first_in_rev] = True
    return last


def death_dates(sim: Sim, eps: dict[str, np.ndarray]) -> np.ndarray:
    """Each child's date of death (day number, `NA` for none or after the window's end): see
    `_deaths`."""
    out = np.full(sim.n_children, NA, np.int64)
    died = (eps["death"] != NA) & (eps["death"] <= sim.e0)
    out[eps["child"][died]] = eps["death"][died]
    return out


def _batch(
    sim: Sim,
    child: np.ndarray,
    ref: np.ndarray,
    uasc: np.ndarray,
    prev_cp: np.ndarray,
    dob_all: np.ndarray,
) -> dict[str, np.ndarray]:
    p, rng, cal = sim.profile, sim.rng, sim.cal
    m = len(child)
    dob18 = add_years(dob_all[child], 18)
    src = pick(rng, vocab.REFERRAL_SOURCES, m)
    src[uasc] = np.where(rng.random(int(uasc.sum())) < 0.6, "6", "5C")
    need = pick(rng, vocab.PRIMARY_NEED, m)
    need[uasc] = "N8"
    nfa = (rng.random(m) < p.nfa) & ~uasc
    a_start = cal.add(ref, rng.integers(0, 3, m))
    late = rng.random(m) < p.late_assessment
    a_auth = cal.add(ref, np.where(late, rng.integers(46, 75, m), rng.integers(8, 46, m)))
    a_auth = np.where(uasc, cal.add(ref, rng.integers(5, 30, m)), a_auth)
    seen = rng.random(m) < 0.96
    seen_date = cal.add(a_start, rng.integers(0, 6, m))

    route = rng.random(m)
    s47 = (route < p.s47) & ~nfa & ~uasc
    direct_care = (route >= p.s47) & (route < p.s47 + p.care_direct) & ~nfa & ~uasc
    rest = ~(s47 | direct_care | nfa | uasc)
    cin_route = rest & (rng.random(m) < p.cin_plan)

    strat = np.where(s47, cal.add(ref, rng.integers(0, 4, m)), NA)
    # the assessment starts by the strategy discussion: no enquiry without one (DfE 2991Q)
    a_start = np.where(s47, np.minimum(a_start, strat), a_start)
    icpc_held = s47 & (rng.random(m) < p.icpc)
    late_icpc = rng.random(m) < p.late_icpc
    icpc_wd = np.where(late_icpc, rng.integers(16, 31, m), rng.integers(6, 16, m))
    icpc = np.where(icpc_held, cal.add(np.where(s47, strat, ref), icpc_wd), NA)
    icpc_target = np.where(s47, cal.add(np.where(s47, strat, ref), 15), NA)
    # the assessment runs on to the conference (within its 45 working days all the same): an
    # episode is not closed, nor an assessment left in an earlier census year, before its
    # ICPC (DfE 8565, 2991Q)
    a_auth = np.where(icpc_held, np.maximum(a_auth, icpc), a_auth)
    cp = icpc_held & (rng.random(m) < p.cp_from_icpc)
    s47_cin = s47 & ~cp & (rng.random(m) < 0.55)

    cp_start = np.where(cp, icpc, NA)
    cp_len = np.clip(rng.lognormal(np.log(290), 0.7, m), 25, 2200).astype(np.int64)
    cp_end = np.where(cp, np.minimum(icpc + cp_len, dob18 - 1), NA)
    cat_i = pick(rng, vocab.ABUSE, m)
    cat_l = np.where(rng.random(m) < 0.88, cat_i, pick(rng, vocab.ABUSE, m))
    after_cp = rng.random(m)
    cp_care = cp & (after_cp < p.care_from_cp) & (cp_end < dob18 - 200)
    cp_stepdown = cp & ~cp_care & (after_cp < p.care_from_cp + 0.6) & (cp_end < dob18 - 1)

    cin1 = cin_route | s47_cin
    cin1_start = np.where(cin_route, cal.add(a_auth, rng.integers(0, 6, m)), NA)
    cin1_start = np.where(s47_cin, np.maximum(a_auth, np.where(icpc_held, icpc, strat)), cin1_start)
    # a plan must end after the day it starts (DfE 4012Q): none within a day of turning 18
    cin1 &= cin1_start < dob18 - 1
    cin1_start = np.where(cin1, cin1_start, NA)
    cin_len = np.clip(rng.lognormal(np.log(170), 0.8, m), 20, 2000).astype(np.int64)
    cin1_end = np.where(cin1, np.minimum(cin1_start + cin_len, dob18 - 1), NA)
    cin2_start = np.where(cp_stepdown, cp_end, NA)
    cin2_len = np.clip(rng.lognormal(np.log(120), 0.6, m), 20, 900).astype(np.int64)
    cin2_end = np.where(cp_stepdown, np.minimum(cp_end + cin2_len, dob18 - 1), NA)

    care = uasc | direct_care | cp_care
    care_start = np.where(uasc, ref, NA)
    care_start = np.where(direct_care, ref + rng.integers(0, 15, m), care_start)
    care_start = np.where(cp_care, cp_end, care_start)
    care_age = (care_start - dob_all[child]) / 365.25
    young = care_age < 5
    care_len = np.clip(rng.lognormal(np.log(420), 1.0, m), 3, 7000).astype(np.int64)
    adopt = care & young & (rng.random(m) < 0.3)
    care_len[adopt] = rng.integers(420, 900, int(adopt.sum()))
    stay_to_18 = uasc & (rng.random(m) < 0.8)
    care_end = np.where(stay_to_18, dob18, np.minimum(care_start + care_len, dob18))
    care_end = np.where(care, care_end, NA)
    at_18 = care & (care_end >= dob18)
    rec = np.where(young, pick(rng, vocab.REC_YOUNG, m), pick(rng, vocab.REC_OLDER, m))
    rec[at_18] = pick(rng, vocab.REC_AT_18, int(at_18.sum()))
    adopt &= ~at_18
    rec[adopt] = "E11"

    closure = np.where(nfa, ref + rng.integers(0, 3, m), a_auth)
    closure = np.where(cin1, np.maximum(cin1_end, closure), closure)
    closure = np.where(cp, np.maximum(cp_end, closure), closure)
    closure = np.where(cp_stepdown, np.maximum(cin2_end, closure), closure)
    # closed by 18, yet never before the episode's last assessment, enquiry or conference
    # (DfE 8565)
    last_activity = np.maximum(a_auth, np.maximum(strat, icpc))
    closure = np.minimum(closure, np.maximum(dob18 - 1, last_activity))
    closure = np.where(care, np.maximum(closure, care_end), closure)
    reason = np.where(rng.random(m) < 0.7, "RC8", "RC9").astype(object)
    # RC8 and RC9 close a case after assessment (DfE 8825Q wants one): a referral with no
    # further action, never assessed, closes for any other reason (RC7)
    reason[nfa] = "RC7"
    planned = cin1 | cp
    reason[planned] = pick(rng, vocab.CLOSURE_CIN, int(planned.sum()))
    # and after assessment alone: an enquiry closed without a plan closes for any other
    # reason too (DfE 2990)
    reason[s47 & ~planned] = "RC7"
    needs_support = ~nfa & (s47 | direct_care | cin_route | uasc)
    assessed = ~nfa
    return {
        "child": child,
        "ref": ref,
        "src": src,
        "need": need,
        "nfa": nfa,
        "uasc": uasc,
        "assessed": assessed,
        "a_start": np.where(assessed, a_start, NA),
        "a_auth": np.where(assessed, a_auth, NA),
        "seen": seen & assessed,
        "seen_date": np.where(assessed & seen, seen_date, NA),
        "needs_support": needs_support,
        "factors": rng.integers(0, 4096, m),
        "s47": s47,
        "strat": strat,
        "icpc": icpc,
        "icpc_target": icpc_target,
        "cp": cp,
        "cp_start": cp_start,
        "cp_end": cp_end,
        "cat_i": cat_i,
        "cat_l": cat_l,
        "prev_cp": prev_cp,
        "cin1_start": cin1_start,
        "cin1_end": cin1_end,
        "cin2_start": cin2_start,
        "cin2_end": cin2_end,
        "care": care,
        "care_start": care_start,
        "care_end": care_end,
        "rec": rec,
        "adopt": adopt,
        "at_18": at_18,
        "closure": closure,
        "reason": reason,
        "dob18": dob18,
    }
