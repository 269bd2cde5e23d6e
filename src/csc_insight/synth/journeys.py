"""Simulate children's journeys, vectorised with numpy: contacts, referrals, assessments, S47s,
plans, care, care leavers. Produces the canonical tables of a `World`.

Everything is drawn from one `numpy.random.Generator(seed)` in a fixed order, so a seed gives
the same world every time. Journeys start four years before the window (a warm-up, so the
window opens with realistic open caseloads) and anything dated after the window's end is
treated as not yet happened (censored), as in a real extract taken on that day.
Within the simulation dates are int64 day numbers (`days.day`); `NA` = none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from csc_insight.common.calendar import WorkingDays
from csc_insight.synth import vocab
from csc_insight.synth.days import NA, add_years, day
from csc_insight.synth.profiles import Profile
from csc_insight.synth.world import Columns, World

WARM_UP_YEARS = 4
Progress = Callable[[str], None]


def pick(rng: np.random.Generator, weights: dict[str, float], n: int) -> np.ndarray:
    """`n` codes drawn with the given relative weights, as an object array."""
    codes = np.array(list(weights), dtype=object)
    p = np.array(list(weights.values()), dtype=float)
    return codes[rng.choice(len(codes), size=n, p=p / p.sum())]


def ids(prefix: str, start: int, n: int, width: int = 8) -> np.ndarray:
    return np.array([f"{prefix}{i:0{width}d}" for i in range(start, start + n)], dtype=object)


def dates(days: np.ndarray) -> np.ndarray:
    return np.asarray(days, dtype=np.int64).astype("datetime64[D]")


def flags(values: np.ndarray, known: np.ndarray | None = None) -> np.ndarray:
    """Booleans as an object array, None where not `known`."""
    out = np.asarray(values, dtype=bool).astype(object)
    if known is not None:
        out[~known] = None
    return out


def segments(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For groups of the given sizes: each item's group and its position within the group."""
    owner = np.repeat(np.arange(len(counts)), counts)
    first = np.cumsum(counts) - counts
    return owner, np.arange(len(owner)) - first[owner]


@dataclass
class Recurring:
    """A repeating event (visits, reviews): first after `first` days, then every `gap`."""

    first: tuple[int, int]
    gap: tuple[int, int]
    late: float = 0.0
    late_gap: tuple[int, int] = (0, 0)
    working: bool = True            # count in working days (else calendar days, then snapped)


@dataclass
class Sim:
    profile: Profile
    rng: np.random.Generator
    cal: WorkingDays
    s0: int      # window start
    e0: int      # window end
    warm: int    # simulation start
    child_cols: dict[str, list[np.ndarray]] = field(default_factory=dict)
    n_children: int = 0
    worker_of_child: np.ndarray | None = None       # set by _allocations
    leaving_care_worker: np.ndarray | None = None   # per period of care
    cids: np.ndarray | None = None

    def years(self, a: int, b: int) -> float:
        return (b - a + 1) / 365.25

    def new_children(self, dob: np.ndarray, uasc: np.ndarray) -> np.ndarray:
        rng, n = self.rng, len(dob)
        eth = pick(rng, vocab.ETHNICITY_LONDON if self.profile.london
                   else vocab.ETHNICITY_ENGLAND, n)
        eth[uasc] = pick(rng, vocab.ETHNICITY_UASC, int(uasc.sum()))
        sex = np.where(rng.random(n) < 0.51, "M", "F").astype(object)
        sex[uasc] = np.where(rng.random(int(uasc.sum())) < 0.9, "M", "F")
        sex[rng.random(n) < 0.003] = "U"
        disabled = rng.random(n) < 0.05
        for key, values in (("dob", dob), ("ethnicity", eth), ("sex", sex),
                            ("disability", disabled), ("uasc", uasc)):
            self.child_cols.setdefault(key, []).append(np.asarray(values))
        first = self.n_children
        self.n_children += n
        return np.arange(first, first + n)

    def child(self, key: str) -> np.ndarray:
        return np.concatenate(self.child_cols[key])

    def recurring(self, starts: np.ndarray, ends: np.ndarray, rule: Recurring,
                  lower: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Events from each start up to its end (and the window end): (owner index, day)."""
        rng, cal = self.rng, self.cal
        ends = np.minimum(np.where(ends == NA, self.e0, ends), self.e0)
        starts = starts.copy()
        if lower is not None:  # no need to draw events long before the window
            starts = np.maximum(starts, lower)
        ok = ends >= starts
        idx = np.nonzero(ok)[0]
        span = ends[idx] - starts[idx]
        step = max(1, min(rule.gap[0], rule.first[0]))
        if rule.working:
            step = max(1, int(step * 5 / 7) - 1)
            span = (span * 5) // 7 + 2
        counts = span // step + 2
        owner, pos = segments(counts)
        total = len(owner)
        gaps = rng.integers(rule.gap[0], rule.gap[1] + 1, total)
        if rule.late:
            late = rng.random(total) < rule.late
            gaps[late] = rng.integers(rule.late_gap[0], rule.late_gap[1] + 1, int(late.sum()))
        firsts = rng.integers(rule.first[0], rule.first[1] + 1, total)
        gaps = np.where(pos == 0, firsts, gaps)
        csum = np.cumsum(gaps)
        seg_first = np.cumsum(counts) - counts
        offset = csum - (csum[seg_first] - gaps[seg_first])[owner]
        if rule.working:
            rank = np.searchsorted(cal.working, starts[idx], side="left")[owner] + offset
            when = cal.working[np.clip(rank, 0, len(cal.working) - 1)]
        else:
            when = cal.prev(starts[idx][owner] + offset)
        keep = when <= ends[idx][owner]
        return idx[owner[keep]], when[keep]


def simulate(profile: Profile, seed: int, start: date, end: date,
             progress: Progress | None = None) -> World:
    step = progress or (lambda _what: None)
    rng = np.random.default_rng(seed)
    warm_start = date(start.year - WARM_UP_YEARS, start.month, 1)
    cal = WorkingDays(date(warm_start.year - 1, 1, 1), date(end.year + 25, 12, 31))
    sim = Sim(profile, rng, cal, day(start), day(end), day(warm_start))
    data: dict[str, Columns] = {}
    extra: dict[str, Columns] = {}

    step("referrals and plans")
    eps = _episodes(sim)
    step("children in care")
    care = _care(sim, eps)
    episodes = _placements(sim, care)
    step("contacts and early help")
    contacts, early_help = _contacts(sim, eps)
    step("workforce, visits, reviews, missing")
    alloc, workers = _allocations(sim, eps, care)
    visits = _visits(sim, eps, care)
    step("care leavers")
    leavers, pathway = _care_leavers(sim, care)

    data["children"] = _children_table(sim)
    data["contacts"] = contacts
    data["early_help"] = early_help
    data.update(_cin_tables(sim, eps, alloc))
    data["visits"] = visits
    data["cla_episodes"] = episodes
    data["cla_reviews"], data["health_assessments"] = _cla_reviews_health(sim, care)
    data["cla_health"] = _oc2(sim, care, extra)
    data["missing_episodes"] = _missing(sim, eps, care)
    data["care_leavers"] = leavers
    data["pathway_plan_reviews"] = pathway
    data["adoption"] = _adoption(sim, care, extra)
    # Annex A List 8's as-at summary: write_annexa works it out from the tables above.
    data["cla_summary"] = {c: np.array([], dtype=object) for c in (
        "child_id", "second_period", "placements_12m", "missing_12m", "absent_12m",
        "rhi_offered", "rhi_accepted", "permanence_plan", "placement_location", "placement_la",
        "source", "source_ref")}
    data["allocations"] = alloc
    data["workers"] = workers
    data["population"] = _population(sim)
    extra["periods"] = care
    return World(profile=profile.name, seed=seed, start=start, end=end, data=data, extra=extra)


# --- referrals, assessments, S47, CIN and CP plans -------------------------------------------


def _episodes(sim: Sim) -> dict[str, np.ndarray]:
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
    uasc_age = (np.where(rng.random(n_uasc) < 0.8, rng.uniform(16, 17.9, n_uasc),
                         rng.uniform(14, 16, n_uasc)) * 365.25).astype(np.int64)
    uasc_children = sim.new_children(uasc_ref - uasc_age, np.ones(n_uasc, bool))

    dob_all = sim.child("dob")
    batches = [_batch(sim, np.concatenate([children, uasc_children]),
                      np.concatenate([ref, uasc_ref]),
                      np.concatenate([np.zeros(n_first, bool), np.ones(n_uasc, bool)]),
                      np.where(rng.random(n_first + n_uasc) < 0.08, 1, 0), dob_all)]
    while True:
        prev = batches[-1]
        again = (rng.random(len(prev["child"])) < p.rereferral) & ~prev["uasc"]
        gap = (rng.exponential(140, len(again)) + 10).astype(np.int64)
        nxt = cal.next(prev["closure"] + gap)
        again &= (nxt <= sim.e0) & (nxt < add_years(dob_all[prev["child"]], 18) - 120)
        if not again.any():
            break
        batches.append(_batch(sim, prev["child"][again], nxt[again], prev["uasc"][again],
                              prev["prev_cp"][again] + prev["cp"][again], dob_all))
    eps = {k: np.concatenate([b[k] for b in batches]) for k in batches[0]}
    order = np.lexsort((eps["child"], eps["ref"]))
    return {k: v[order] for k, v in eps.items()}


def _batch(sim: Sim, child: np.ndarray, ref: np.ndarray, uasc: np.ndarray, prev_cp: np.ndarray,
           dob_all: np.ndarray) -> dict[str, np.ndarray]:
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
    icpc_held = s47 & (rng.random(m) < p.icpc)
    late_icpc = rng.random(m) < p.late_icpc
    icpc_wd = np.where(late_icpc, rng.integers(16, 31, m), rng.integers(6, 16, m))
    icpc = np.where(icpc_held, cal.add(np.where(s47, strat, ref), icpc_wd), NA)
    icpc_target = np.where(s47, cal.add(np.where(s47, strat, ref), 15), NA)
    cp = icpc_held & (rng.random(m) < p.cp_from_icpc)
    s47_cin = s47 & ~cp & (rng.random(m) < 0.55)

    cp_start = np.where(cp, icpc, NA)
    cp_len = np.clip(rng.lognormal(np.log(290), 0.7, m), 25, 2200).astype(np.int64)
    cp_end = np.where(cp, np.minimum(icpc + cp_len, dob18 - 1), NA)
    cat_i = pick(rng, vocab.ABUSE, m)
    cat_l = np.where(rng.random(m) < 0.88, cat_i, pick(rng, vocab.ABUSE, m))
    after_cp = rng.random(m)
    cp_care = cp & (after_cp < p.care_from_cp) & (cp_end < dob18 - 200)
    cp_stepdown = cp & ~cp_care & (after_cp < p.care_from_cp + 0.6)

    cin1 = cin_route | s47_cin
    cin1_start = np.where(cin_route, cal.add(a_auth, rng.integers(0, 6, m)), NA)
    cin1_start = np.where(s47_cin, np.maximum(a_auth, np.where(icpc_held, icpc, strat)),
                          cin1_start)
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
    closure = np.minimum(closure, np.maximum(dob18 - 1, a_auth))
    closure = np.where(care, np.maximum(closure, care_end), closure)
    reason = np.where(rng.random(m) < 0.7, "RC8", "RC9").astype(object)
    reason[nfa] = "RC8"
    planned = cin1 | cp
    reason[planned] = pick(rng, vocab.CLOSURE_CIN, int(planned.sum()))
    needs_support = ~nfa & (s47 | direct_care | cin_route | uasc)
    assessed = ~nfa
    return {
        "child": child, "ref": ref, "src": src, "need": need, "nfa": nfa, "uasc": uasc,
        "assessed": assessed, "a_start": np.where(assessed, a_start, NA),
        "a_auth": np.where(assessed, a_auth, NA), "seen": seen & assessed,
        "seen_date": np.where(assessed & seen, seen_date, NA), "needs_support": needs_support,
        "factors": rng.integers(0, 4096, m), "s47": s47, "strat": strat,
        "icpc": icpc, "icpc_target": icpc_target, "cp": cp, "cp_start": cp_start,
        "cp_end": cp_end, "cat_i": cat_i, "cat_l": cat_l, "prev_cp": prev_cp,
        "cin1_start": cin1_start, "cin1_end": cin1_end, "cin2_start": cin2_start,
        "cin2_end": cin2_end, "care": care, "care_start": care_start, "care_end": care_end,
        "rec": rec, "adopt": adopt, "at_18": at_18, "closure": closure,
        "reason": reason, "dob18": dob18,
    }


# --- children in care ------------------------------------------------------------------------


def _care(sim: Sim, eps: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Periods of care: who, when, why they ended; the episode of need closes with them."""
    rng = sim.rng
    i = np.nonzero(eps["care"])[0]
    n = len(i)
    child, start, uasc = eps["child"][i], eps["care_start"][i], eps["uasc"][i]
    end, rec = eps["care_end"][i], eps["rec"][i]
    dob = sim.child("dob")[child]
    dob18 = add_years(dob, 18)
    ls = np.where(rng.random(n) < 0.45, "V2", "C2").astype(object)
    ls[uasc] = "V2"
    reason = np.full(n, "RC7", dtype=object)
    reason[rec == "E11"] = "RC1"
    reason[np.isin(rec, ["E45", "E46", "E48"])] = "RC4"
    reason[rec == "E41"] = "RC3"
    reason[rec == "E3"] = "RC5"
    eps["reason"][i] = reason
    need = eps["need"][i].copy()
    need[need == "N9"] = "N1"
    return {"episode": i, "child": child, "start": start, "end": end, "rec": rec, "ls": ls,
            "cin": need, "uasc": uasc, "dob": dob, "dob18": dob18, "adopt": eps["adopt"][i],
            "at_18": eps["at_18"][i]}


def _placements(sim: Sim, care: dict[str, np.ndarray]) -> Columns:
    """SSDA903 episodes: each period split at placement and legal-status changes."""
    rng, n = sim.rng, len(care["child"])
    start, end = care["start"], care["end"]
    length = end - start
    rate = rng.gamma(1.2, 0.45, n) * np.where(care["uasc"], 0.4, 1.0)
    k = rng.poisson(rate * length / 365.25)
    k = np.minimum(k, np.maximum(length // 21 - 1, 0))
    owner, _ = segments(k)
    moves = start[owner] + (rng.random(len(owner)) * length[owner]).astype(np.int64)
    # care orders: an interim order (C2) becomes a full order (C1) within a year
    to_c1 = (care["ls"] == "C2") & (length > 200)
    legal_owner = np.nonzero(to_c1)[0]
    legal_day = start[legal_owner] + rng.integers(120, 330, len(legal_owner))
    legal_day = np.minimum(legal_day, end[legal_owner] - 20)
    # adoption: placed for adoption (A5/A6, legal status E1) months before the order
    adopt_owner = np.nonzero(care["adopt"])[0]
    placed_day = end[adopt_owner] - rng.integers(200, 330, len(adopt_owner))
    keep_move = ~np.isin(owner, adopt_owner) | (moves < placed_day.max(initial=0))
    owner, moves = owner[keep_move], moves[keep_move]

    ev_owner = np.concatenate([np.arange(n), owner, legal_owner, adopt_owner])
    ev_day = np.concatenate([start, moves, legal_day, placed_day])
    ev_kind = np.concatenate([np.full(n, 0), np.full(len(owner), 1), np.full(len(legal_owner), 2),
                              np.full(len(adopt_owner), 3)])
    ok = (ev_kind == 0) | ((ev_day > start[ev_owner]) & (ev_day < end[ev_owner]))
    ev_owner, ev_day, ev_kind = ev_owner[ok], ev_day[ok], ev_kind[ok]
    order = np.lexsort((ev_kind, ev_day, ev_owner))
    ev_owner, ev_day, ev_kind = ev_owner[order], ev_day[order], ev_kind[order]
    # one row per (period, day): events on the same day merge into one episode
    new_row = np.ones(len(ev_owner), bool)
    new_row[1:] = (ev_owner[1:] != ev_owner[:-1]) | (ev_day[1:] != ev_day[:-1])
    row_of = np.cumsum(new_row) - 1
    rows = int(row_of[-1]) + 1 if len(row_of) else 0
    is_place = np.zeros(rows, bool)
    is_legal = np.zeros(rows, bool)
    is_adopt = np.zeros(rows, bool)
    np.logical_or.at(is_place, row_of, ev_kind == 1)
    np.logical_or.at(is_legal, row_of, ev_kind == 2)
    np.logical_or.at(is_adopt, row_of, ev_kind == 3)
    per = ev_owner[new_row]
    decom = ev_day[new_row]
    first = np.ones(rows, bool)
    first[1:] = per[1:] != per[:-1]
    last = np.ones(rows, bool)
    last[:-1] = per[1:] != per[:-1]

    age = (decom - care["dob"][per]) / 365.25
    place = np.where(age < 11, pick(rng, vocab.PLACE_YOUNG, rows),
                     pick(rng, vocab.PLACE_TEEN, rows))
    uasc_rows = care["uasc"][per]
    place[uasc_rows] = pick(rng, vocab.PLACE_UASC, int(uasc_rows.sum()))
    place[is_adopt] = np.where(rng.random(int(is_adopt.sum())) < 0.7, "A5", "A6")
    legal_set = first | is_legal | is_adopt
    ls_value = np.where(first, care["ls"][per], "C1").astype(object)
    ls_value[is_adopt] = "E1"
    place_set = first | is_place | is_adopt
    place = place[_ffill_index(place_set)]
    ls = ls_value[_ffill_index(legal_set)]
    rne = np.full(rows, "S", dtype=object)
    rne[~first & is_place & ~(is_legal | is_adopt)] = "P"
    rne[~first & ~is_place & is_legal] = "L"
    rne[~first & (is_adopt | (is_place & is_legal))] = "T"
    dec = np.empty(rows, np.int64)
    dec[:-1] = decom[1:]
    dec[last] = end[per[last]]
    rec = np.where(last, care["rec"][per], "X1").astype(object)
    change = np.zeros(rows, bool)
    change[:-1] = (rne[1:] == "P") | (rne[1:] == "T")
    change &= ~last
    reason_change = np.where(change, pick(rng, vocab.PLACE_CHANGE, rows), None).astype(object)
    provider = np.full(rows, "PR1", dtype=object)
    provider[np.isin(place, ["K2", "H5", "R1", "S1"]) | (rng.random(rows) < 0.3)] = "PR4"
    provider[np.isin(place, ["P1", "P2"])] = "PR0"
    provider[np.isin(place, ["A5", "A6"])] = "PR1"
    home = np.array(vocab.POSTCODES, dtype=object)[rng.integers(0, 6, n)]
    pl_post = np.array(vocab.POSTCODES, dtype=object)[rng.integers(0, len(vocab.POSTCODES), rows)]
    urn = np.where(place == "K2", np.array([f"SC{v:06d}" for v in rng.integers(0, 10**6, rows)],
                                           dtype=object), "XXXXXXX").astype(object)

    # censor at the window end
    keep = decom <= sim.e0
    open_now = dec > sim.e0
    dec = np.where(open_now, NA, dec)
    rec[open_now] = None
    reason_change[open_now] = None
    cid = _child_ids(sim)
    return _select({
        "child_id": cid[care["child"][per]], "decom": dates(decom), "rne": rne, "ls": ls,
        "cin": care["cin"][per], "place": place, "place_provider": provider, "dec": dates(dec),
        "rec": rec, "reason_place_change": reason_change, "home_post": home[per],
        "pl_post": pl_post, "urn": urn, "source": _const("ssda903", rows),
        "source_ref": _const(None, rows),
    }, keep)


def _ffill_index(is_set: np.ndarray) -> np.ndarray:
    """For each position, the index of the latest position at or before it that `is_set`."""
    idx = np.where(is_set, np.arange(len(is_set)), 0)
    return np.maximum.accumulate(idx) if len(idx) else idx


# --- contacts and early help -----------------------------------------------------------------


def _contacts(sim: Sim, eps: dict[str, np.ndarray]) -> tuple[Columns, Columns]:
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
    lag = np.where(rng.random(n_other) < 0.72, 0, np.where(rng.random(n_other) < 0.75, 1,
                                                           rng.integers(2, 6, n_other)))
    o_decision = np.minimum(cal.add(o_contact, lag), sim.e0)
    outcome = pick(rng, {"nfa": 50, "advice": 38, "early_help": 12}, n_other)

    contact_date = np.concatenate([r_contact, o_contact])
    child = np.concatenate([r_child, o_child])
    decision = np.concatenate([ref, o_decision])
    out = np.concatenate([np.full(len(ref), "referral", dtype=object), outcome])
    src = np.concatenate([eps["src"][in_window], pick(rng, vocab.REFERRAL_SOURCES, n_other)])
    order = np.lexsort((child, contact_date))
    contact_date, child, decision, out, src = (a[order] for a in
                                               (contact_date, child, decision, out, src))
    nc = len(child)
    cid = _child_ids(sim)
    contacts = {
        "contact_id": ids("CT", 1, nc), "child_id": cid[child], "contact_date": dates(contact_date),
        "source_code": src, "decision_date": dates(decision), "outcome": out,
        "source": _const("local", nc), "source_ref": _const(None, nc),
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
        "eh_id": ids("EH", 1, m, 7), "child_id": cid[eh_child], "referral_date": dates(eh_ref),
        "start_date": dates(np.where(started, eh_start, NA)),
        "completion_date": dates(np.where(completed, completion, NA)),
        "organisation": pick(rng, vocab.EH_ORGANISATIONS, m),
        "closure_date": dates(np.where(closed, closure, NA)),
        "closure_reason": np.where(closed, pick(rng, vocab.EH_CLOSURE, m), None).astype(object),
        "goal_score_start": np.where(started, g0, np.nan),
        "goal_score_review": np.where(reviewed, g1, np.nan),
        "goal_score_end": np.where(closed, g2, np.nan),
        "short_break": flags(disabled & (rng.random(m) < 0.4)),
        "source": _const("local", m), "source_ref": _const(None, m),
    }
    return contacts, eh


# --- the CIN census tables -------------------------------------------------------------------


def _cin_tables(sim: Sim, eps: dict[str, np.ndarray], alloc: Columns) -> dict[str, Columns]:
    rng, e0 = sim.rng, sim.e0
    cid = _child_ids(sim)
    n = len(eps["child"])
    ref_ids = ids("R", 1, n)
    eps["referral_id"] = ref_ids
    child = cid[eps["child"]]
    team, worker = eps["team"], eps["worker"]
    cen = _censor(e0)
    closure = cen(eps["closure"])
    referrals12 = _count_previous(eps["child"], eps["ref"], 365)
    keep = eps["ref"] <= e0
    out: dict[str, Columns] = {}
    out["referrals"] = _select({
        "referral_id": ref_ids, "child_id": child, "referral_date": dates(eps["ref"]),
        "source_code": eps["src"], "nfa": flags(eps["nfa"]), "primary_need": eps["need"],
        "closure_date": dates(closure),
        "closure_reason": np.where(closure == NA, None, eps["reason"]).astype(object),
        "referrals_12m": referrals12.astype(object), "team": eps["a_team"],
        "worker": eps["a_worker"], "source": _const("cin_census", n),
        "source_ref": _const(None, n),
    }, keep)

    a = eps["assessed"] & (eps["a_start"] <= e0)
    auth = cen(eps["a_auth"])
    factor_pool = _factor_pool(rng)
    factors = np.where(auth != NA, factor_pool[eps["factors"]], None).astype(object)
    out["assessments"] = _select({
        "assessment_id": ids("A", 1, n), "child_id": child, "referral_id": ref_ids,
        "start_date": dates(eps["a_start"]), "authorised_date": dates(auth),
        "child_seen": flags(eps["seen"]), "child_seen_date": dates(cen(eps["seen_date"])),
        "needs_support": flags(eps["needs_support"], auth != NA), "factors": factors,
        "team": eps["a_team"], "worker": eps["a_worker"], "source": _const("cin_census", n),
        "source_ref": _const(None, n),
    }, a)

    s = eps["s47"] & (eps["strat"] <= e0)
    icpc = cen(eps["icpc"])
    decided = (icpc != NA) | (cen(eps["closure"]) != NA) | (eps["strat"] + 60 < e0)
    out["s47_enquiries"] = _select({
        "s47_id": ids("S", 1, n), "child_id": child, "referral_id": ref_ids,
        "start_date": dates(eps["strat"]), "icpc_target_date": dates(eps["icpc_target"]),
        "icpc_date": dates(icpc), "icpc_not_required": flags(icpc == NA, decided),
        "cp_plan_resulted": flags(eps["cp"] & (icpc != NA), icpc != NA),
        "team": team, "worker": worker,
        # Annex A List 5's counts are as at its date: write_annexa works them out.
        "s47_12m": _const(None, n), "icpc_12m": _const(None, n),
        "source": _const("cin_census", n), "source_ref": _const(None, n),
    }, s)

    cin_owner = np.concatenate([np.arange(n), np.arange(n)])
    cin_start = np.concatenate([eps["cin1_start"], eps["cin2_start"]])
    cin_end = np.concatenate([eps["cin1_end"], eps["cin2_end"]])
    has = (cin_start != NA) & (cin_start <= e0)
    cin_owner, cin_start, cin_end = cin_owner[has], cin_start[has], cen(cin_end[has])
    order = np.lexsort((cin_start, cin_owner))
    cin_owner, cin_start, cin_end = cin_owner[order], cin_start[order], cin_end[order]
    k = len(cin_owner)
    out["cin_plans"] = {
        "cin_plan_id": ids("CIN", 1, k), "child_id": child[cin_owner],
        "referral_id": ref_ids[cin_owner], "start_date": dates(cin_start),
        "end_date": dates(cin_end), "source": _const("cin_census", k),
        "source_ref": _const(None, k),
    }

    cp = eps["cp"] & (eps["cp_start"] <= e0)
    cp_end = cen(eps["cp_end"])
    cp_ids = ids("CPP", 1, n)
    out["cp_plans"] = _select({
        "cp_plan_id": cp_ids, "child_id": child, "referral_id": ref_ids,
        "start_date": dates(eps["cp_start"]), "end_date": dates(cp_end),
        "initial_category": eps["cat_i"],
        "latest_category": eps["cat_l"], "previous_plans": eps["prev_cp"].astype(object),
        "team": team, "worker": worker, "source": _const("cin_census", n),
        "source_ref": _const(None, n),
    }, cp)
    plan = np.nonzero(cp)[0]
    owner, when = sim.recurring(eps["cp_start"][plan], eps["cp_end"][plan],
                                Recurring(first=(70, 90), gap=(150, 180), late=0.08,
                                          late_gap=(185, 215), working=False))
    owner = plan[owner]
    r = len(owner)
    out["cp_reviews"] = {
        "cp_plan_id": cp_ids[owner], "child_id": child[owner], "review_date": dates(when),
        "source": _const("cin_census", r), "source_ref": _const(None, r),
    }
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


# --- visits, reviews, health, missing --------------------------------------------------------


def _visits(sim: Sim, eps: dict[str, np.ndarray], care: dict[str, np.ndarray]) -> Columns:
    rng = sim.rng
    lower = sim.s0 - 90
    parts = []
    specs = (
        ("CP", eps["cp_start"], eps["cp_end"], eps["child"],
         Recurring(first=(1, 8), gap=(6, 10), late=0.08, late_gap=(11, 16)), 0.8),
        ("CIN", eps["cin1_start"], eps["cin1_end"], eps["child"],
         Recurring(first=(3, 15), gap=(12, 20), late=0.1, late_gap=(21, 30)), 0.6),
        ("CIN", eps["cin2_start"], eps["cin2_end"], eps["child"],
         Recurring(first=(3, 15), gap=(12, 20), late=0.1, late_gap=(21, 30)), 0.6),
        ("CLA", care["start"], care["end"], care["child"],
         Recurring(first=(1, 5), gap=(20, 30), late=0.05, late_gap=(31, 40)), 0.85),
    )
    for kind, starts, ends, owner_child, rule, alone in specs:
        has = np.nonzero(starts != NA)[0]
        owner, when = sim.recurring(starts[has], ends[has], rule, lower=lower)
        keep = when >= lower
        c = owner_child[has][owner[keep]]
        parts.append((c, when[keep], np.full(len(c), kind, dtype=object),
                      rng.random(len(c)) < alone))
    child = np.concatenate([p[0] for p in parts])
    when = np.concatenate([p[1] for p in parts])
    kind = np.concatenate([p[2] for p in parts])
    alone = np.concatenate([p[3] for p in parts])
    order = np.lexsort((kind, when, child))
    child, when, kind, alone = child[order], when[order], kind[order], alone[order]
    n = len(child)
    return {
        "child_id": _child_ids(sim)[child], "visit_date": dates(when), "visit_type": kind,
        "seen_alone": flags(alone), "worker": sim.worker_of_child[child],
        "source": _const("local", n), "source_ref": _const(None, n),
    }


def _cla_reviews_health(sim: Sim, care: dict[str, np.ndarray]) -> tuple[Columns, Columns]:
    rng, cal = sim.rng, sim.cal
    cid = _child_ids(sim)
    # first review within 20 working days, the second within 3 months, then 6-monthly
    n = len(care["child"])
    first = cal.add(care["start"], np.where(rng.random(n) < 0.93, rng.integers(8, 21, n),
                                            rng.integers(21, 30, n)))
    second = cal.prev(first + np.where(rng.random(n) < 0.92, rng.integers(60, 92, n),
                                       rng.integers(93, 110, n)))
    owner, later = sim.recurring(second, care["end"],
                                 Recurring(first=(150, 182), gap=(150, 182), late=0.07,
                                           late_gap=(184, 210), working=False))
    r_owner = np.concatenate([np.arange(n), np.arange(n), owner])
    r_when = np.concatenate([first, second, later])
    ok = (r_when <= np.minimum(care["end"][r_owner], sim.e0)) & (r_when >= sim.warm)
    r_owner, r_when = r_owner[ok], r_when[ok]
    order = np.lexsort((r_when, r_owner))
    r_owner, r_when = r_owner[order], r_when[order]
    m = len(r_owner)
    young = (r_when - care["dob"][r_owner]) < 4 * 365
    code = pick(sim.rng, {"PN1": 70, "PN2": 8, "PN3": 7, "PN4": 5, "PN5": 4, "PN6": 3, "PN7": 3},
                m)
    code[young] = "PN0"
    reviews = {"child_id": cid[care["child"][r_owner]], "review_date": dates(r_when),
               "review_code": code, "source": _const("ssda903", m), "source_ref": _const(None, m)}

    lasting = np.nonzero(care["end"] - care["start"] >= 20)[0]
    h_owner, h_when = sim.recurring(care["start"][lasting], care["end"][lasting],
                                    Recurring(first=(10, 20), gap=(300, 365), late=0.1,
                                              late_gap=(366, 420), working=False))
    d_owner, d_when = sim.recurring(care["start"][lasting], care["end"][lasting],
                                    Recurring(first=(30, 120), gap=(250, 365), late=0.15,
                                              late_gap=(366, 450), working=False))
    owner = lasting[np.concatenate([h_owner, d_owner])]
    when = np.concatenate([h_when, d_when])
    kind = np.concatenate([np.full(len(h_owner), "health", dtype=object),
                           np.full(len(d_owner), "dental", dtype=object)])
    order = np.lexsort((kind, when, owner))
    owner, when, kind = owner[order], when[order], kind[order]
    k = len(owner)
    health = {"child_id": cid[care["child"][owner]], "assessment_date": dates(when),
              "kind": kind, "source": _const("local", k), "source_ref": _const(None, k)}
    return reviews, health


def _oc2(sim: Sim, care: dict[str, np.ndarray], extra: dict[str, Columns]) -> Columns:
    """OC2: children looked after continuously for 12 months at 31 March of each year."""
    rng = sim.rng
    cid = _child_ids(sim)
    parts = []
    for year in _collection_years(sim):
        ref = day(date(year, 3, 31))
        if ref > sim.e0:
            continue
        inside = np.nonzero((care["start"] <= ref - 365) & (care["end"] > ref))[0]
        parts.append((inside, np.full(len(inside), year)))
    owner = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.int64)
    year = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.int64)
    n = len(owner)
    age = (np.array([day(date(int(y), 3, 31)) for y in year], dtype=np.int64)
           - care["dob"][owner]) / 365.25
    sdq_due = (age >= 4) & (age < 17)
    sdq = np.clip(rng.normal(14, 7, n), 0, 40).astype(np.int64).astype(object)
    sdq[~sdq_due | (rng.random(n) < 0.15)] = None
    older = age >= 10
    convicted = flags((rng.random(n) < 0.03) & older, older)
    substance = rng.random(n) < 0.04
    extra["oc2"] = {
        "year": year, "sdq_reason": np.where(sdq_due & (sdq == None), "SDQ1", None)  # noqa: E711
        .astype(object),
        "health_assessment": rng.random(n) < 0.9,
        "intervention_received": np.where(substance, rng.random(n) < 0.6, None).astype(object),
        "intervention_offered": np.where(substance, rng.random(n) < 0.3, None).astype(object),
    }
    return {
        "child_id": cid[care["child"][owner]],
        "year_ending": dates([day(date(int(y), 3, 31)) for y in year]),
        # Health promotion (HEALTH_CHECK) is for children under 5 at 31 March only (DfE
        # rules 545 and 546).
        "health_check": flags(extra["oc2"]["health_assessment"], add_years(
            care["dob"][owner], 5) > np.array([day(date(int(y), 3, 31)) for y in year],
                                              dtype=np.int64)),
        "immunisations": flags(rng.random(n) < 0.86),
        "teeth_check": flags(rng.random(n) < 0.85), "sdq_score": sdq,
        "convicted": convicted, "substance_misuse": flags(substance),
        "source": _const("ssda903", n), "source_ref": _const(None, n),
    }


def _missing(sim: Sim, eps: dict[str, np.ndarray], care: dict[str, np.ndarray]) -> Columns:
    """Missing and away episodes: looked-after teenagers mostly, some children in need."""
    rng = sim.rng
    cid = _child_ids(sim)
    dob = sim.child("dob")
    lo = sim.s0 - 365
    c_start = np.maximum(care["start"], lo)
    c_end = np.minimum(care["end"], sim.e0)
    teen = (c_start - care["dob"]) > 12 * 365
    runner = teen & (rng.random(len(teen)) < 0.3) & (c_end > c_start)
    e_start = np.maximum(np.where(eps["cin1_start"] != NA, eps["cin1_start"], eps["cp_start"]), lo)
    e_end = np.minimum(np.where(eps["cin1_start"] != NA, eps["cin1_end"], eps["cp_end"]), sim.e0)
    e_teen = (e_start - dob[eps["child"]]) > 12 * 365
    e_runner = ((eps["cin1_start"] != NA) | (eps["cp_start"] != NA)) & e_teen & \
        (rng.random(len(e_teen)) < 0.04) & (e_end > e_start) & ~eps["care"]
    owners_child = np.concatenate([care["child"][runner], eps["child"][e_runner]])
    a = np.concatenate([c_start[runner], e_start[e_runner]])
    b = np.concatenate([c_end[runner], e_end[e_runner]])
    looked_after = np.concatenate([np.ones(int(runner.sum()), bool),
                                   np.zeros(int(e_runner.sum()), bool)])
    k = rng.poisson(np.maximum(b - a, 0) / 365.25 * 3) + 1
    owner, _ = segments(k)
    start = a[owner] + (rng.random(len(owner)) * (b - a)[owner]).astype(np.int64)
    order = np.lexsort((start, owner))
    owner, start = owner[order], start[order]
    n = len(owner)
    dur = np.where(rng.random(n) < 0.7, rng.integers(0, 2, n), rng.integers(2, 8, n))
    end = start + dur
    # episodes of one child must not overlap
    same = np.zeros(n, bool)
    same[1:] = owner[1:] == owner[:-1]
    clash = np.zeros(n, bool)
    clash[1:] = same[1:] & (start[1:] <= end[:-1])
    keep = ~clash & (start >= lo)
    owner, start, end = owner[keep], start[keep], end[keep]
    n = len(owner)
    ended = end <= sim.e0
    offered = ended & (rng.random(n) < 0.9)
    accepted = offered & (rng.random(n) < 0.65)
    rhi = np.where(accepted, end + np.where(rng.random(n) < 0.85, rng.integers(0, 3, n),
                                            rng.integers(3, 10, n)), NA)
    rhi = np.where(rhi > sim.e0, NA, rhi)
    la = looked_after[owner]
    return {
        "child_id": cid[owners_child[owner]],
        "missing_type": np.where(rng.random(n) < 0.85, "M", "A").astype(object),
        "start_date": dates(start), "end_date": dates(np.where(ended, end, NA)),
        "rhi_offered": flags(offered, ended), "rhi_accepted": flags(accepted, offered),
        "rhi_date": dates(rhi),
        "source": np.where(la, "ssda903", "local").astype(object), "source_ref": _const(None, n),
    }


# --- care leavers ----------------------------------------------------------------------------


def _care_leavers(sim: Sim, care: dict[str, np.ndarray]) -> tuple[Columns, Columns]:
    """OC3 rows around the 17th-21st birthdays of those who left care at 18, and their
    pathway plan reviews (6-monthly from 16)."""
    p, rng = sim.profile, sim.rng
    cid = _child_ids(sim)
    leaver = np.nonzero(care["at_18"] & (care["end"] - care["start"] >= 91))[0]
    owners, years = [], []
    for year in _collection_years(sim):
        lo, hi = day(date(year - 1, 4, 1)), min(day(date(year, 3, 31)), sim.e0)
        for age in (18, 19, 20, 21):
            bday = add_years(care["dob"][leaver], age)
            hit = (bday >= lo) & (bday <= hi) & (bday >= care["end"][leaver])
            owners.append(leaver[hit])
            years.append(np.full(int(hit.sum()), year))
    owner = np.concatenate(owners)
    year = np.concatenate(years)
    order = np.lexsort((owner, year))
    owner, year = owner[order], year[order]
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
    suitable_flag = flags(suitable & (accom != "S") & ~not_known)
    year_end = np.array([day(date(int(y), 3, 31)) for y in year], dtype=np.int64)
    contact = np.minimum(year_end - rng.integers(0, 120, n), sim.e0)
    pa = sim.leaving_care_worker[owner] if n else np.zeros(0, dtype=object)
    leavers = {
        "child_id": cid[care["child"][owner]], "year_ending": dates(year_end),
        "in_touch": in_touch, "activity": activity, "accommodation": accom,
        "suitable": suitable_flag, "eligibility": _const("former relevant", n),
        "latest_contact": dates(contact), "personal_advisor": pa,
        "source": _const("ssda903", n), "source_ref": _const(None, n),
    }
    sixteen = add_years(care["dob"], 16)
    plan_start = np.maximum(care["start"], sixteen)
    plan_end = np.where(care["at_18"], add_years(care["dob"], 21), care["end"])
    has = np.nonzero(plan_start < plan_end)[0]
    owner, when = sim.recurring(plan_start[has], plan_end[has],
                                Recurring(first=(20, 60), gap=(120, 180), late=0.08,
                                          late_gap=(185, 230), working=False))
    keep = when >= sim.s0 - 365
    owner, when = has[owner[keep]], when[keep]
    order = np.lexsort((when, owner))
    owner, when = owner[order], when[order]
    k = len(owner)
    pathway = {"child_id": cid[care["child"][owner]], "review_date": dates(when),
               "source": _const("local", k), "source_ref": _const(None, k)}
    return leavers, pathway


def _adoption(sim: Sim, care: dict[str, np.ndarray], extra: dict[str, Columns]) -> Columns:
    rng, e0 = sim.rng, sim.e0
    cid = _child_ids(sim)
    i = np.nonzero(care["adopt"])[0]
    n = len(i)
    start, end = care["start"][i], care["end"][i]
    decision = start + rng.integers(90, 200, n)
    order_day = decision + rng.integers(40, 120, n)
    placed = np.maximum(order_day + 10, end - rng.integers(200, 330, n))
    matched = placed - rng.integers(10, 40, n)
    cen = _censor(e0)
    keep = decision <= e0
    extra["ad1"] = {
        "period": i[keep], "foster_care": (rng.random(n) < 0.15)[keep],
        "nb_adoptr": np.where(rng.random(n) < 0.8, 2, 1)[keep],
        "sex_adoptr": pick(rng, {"MF": 80, "MM": 8, "FF": 7}, n)[keep],
        "ls_adoptr": pick(rng, {"L0": 60, "L11": 20, "L12": 5, "L2": 10, "L4": 5}, n)[keep],
        "family": ids("FAM", 1, n, 6)[keep],
    }
    return _select({
        "child_id": cid[care["child"][i]], "entered_care": dates(start),
        "decision_date": dates(decision), "placement_order_date": dates(cen(order_day)),
        "matched_date": dates(cen(matched)), "placed_date": dates(cen(placed)),
        "adoption_order_date": dates(cen(end)), "no_longer_placed_date": dates(np.full(n, NA)),
        "no_longer_placed_reason": _const(None, n), "ffa_date": dates(np.full(n, NA)),
        "source": _const("annex_a", n), "source_ref": _const(None, n),
    }, keep)


# --- workforce, children, population ---------------------------------------------------------


def _allocations(sim: Sim, eps: dict[str, np.ndarray],
                 care: dict[str, np.ndarray]) -> tuple[Columns, Columns]:
    """Every open case held by a worker: the assessment team until the assessment is
    authorised, then a family support (or children in care) team; care leavers get a
    personal adviser in the leaving care team."""
    p, rng = sim.profile, sim.rng
    cid = _child_ids(sim)
    n = len(eps["child"])
    kinds = ("Assessment Team", "Family Support Team", "Children in Care Team",
             "Leaving Care Team")
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
                names.append(f"{vocab.FIRST_NAMES[rng.integers(0, 20)]} "
                             f"{vocab.LAST_NAMES[rng.integers(0, len(vocab.LAST_NAMES))]}")
                roles.append("personal adviser" if kind == "Leaving Care Team"
                             else "social worker")
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
    alloc = {"child_id": cid[child], "worker": worker, "team": team, "start_date": dates(start),
             "end_date": dates(_censor(sim.e0)(end)), "source": _const("local", m),
             "source_ref": _const(None, m)}
    k = len(members)
    workers = {"worker": np.array(members, dtype=object), "name": np.array(names, dtype=object),
               "team": np.array(teams, dtype=object), "role": np.array(roles, dtype=object),
               "fte": np.array(ftes), "source": _const("local", k), "source_ref": _const(None, k)}
    return alloc, workers


def _children_table(sim: Sim) -> Columns:
    n = sim.n_children
    dob = sim.child("dob")
    uasc = sim.child("uasc")
    disabled = sim.child("disability")
    return {
        "child_id": _child_ids(sim), "upn": _upns(sim, uasc), "dob": dates(dob),
        "expected_dob": dates(np.full(n, NA)), "sex": sim.child("sex").astype(object),
        "ethnicity": sim.child("ethnicity").astype(object), "disability": flags(disabled),
        "uasc": flags(uasc), "uasc_ceased": dates(np.where(uasc, add_years(dob, 18), NA)),
        "death_date": dates(np.full(n, NA)), "source": _const("ssda903", n),
        "source_ref": _const(None, n),
    }


_UPN_CHECK = np.array(list("ABCDEFGHJKLMNPQRTUVWXYZ"), dtype=object)


def _upns(sim: Sim, uasc: np.ndarray) -> np.ndarray:
    """Unique pupil numbers with valid check letters (none for unaccompanied children)."""
    rng, n = sim.rng, sim.n_children
    la = np.full(n, int(sim.profile.la_code)) if sim.profile.la_code != "000" \
        else rng.integers(201, 941, n)
    digits = np.column_stack([
        la // 100, la // 10 % 10, la % 10, rng.integers(0, 10, (n, 9)),
    ])
    check = _UPN_CHECK[(digits * np.arange(2, 14)).sum(axis=1) % 23]
    text = np.array(["".join(map(str, row)) for row in digits.tolist()], dtype=object)
    upn = (check + text).astype(object)
    upn[uasc] = None
    return upn


def _population(sim: Sim) -> Columns:
    years = list(range(day_year(sim.warm), day_year(sim.e0) + 1))
    base = sim.profile.population
    anchor = day_year(sim.e0 - 364)  # mid-year of the last collection year (2019 for 2019-20)
    pop = [int(round(base * (1 + 0.01 * (y - anchor)))) for y in years]
    n = len(years)
    return {"year": np.array(years), "age_from": np.zeros(n, np.int64),
            "age_to": np.full(n, 17, np.int64), "population": np.array(pop, np.int64),
            "source": _const("local", n), "source_ref": _const(None, n)}


def day_year(d: int) -> int:
    return (date(1970, 1, 1) + timedelta(days=int(d))).year


def _collection_years(sim: Sim) -> list[int]:
    first, last = date(1970, 1, 1) + timedelta(days=sim.s0), date(1970, 1, 1) + timedelta(
        days=sim.e0)
    y0 = first.year + (1 if first >= date(first.year, 4, 1) else 0)
    y1 = last.year + (1 if last >= date(last.year, 4, 1) else 0)
    return list(range(y0, y1 + 1))


def _child_ids(sim: Sim) -> np.ndarray:
    if sim.cids is None or len(sim.cids) != sim.n_children:
        tag = {"city": "CL", "borough": "LB", "england": "EN"}.get(sim.profile.name, "CH")
        sim.cids = ids(tag, 1, sim.n_children, 8)
    return sim.cids


def _censor(e0: int) -> Callable[[np.ndarray], np.ndarray]:
    return lambda d: np.where(d > e0, NA, d)


def _const(value: object, n: int) -> np.ndarray:
    return np.full(n, value, dtype=object)


def _select(cols: Columns, keep: np.ndarray) -> Columns:
    return {k: v[keep] for k, v in cols.items()}
