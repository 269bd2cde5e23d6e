"""Children in care: periods of care, and the SSDA903 episodes (cla_episodes) that split
them at placement and legal-status changes."""

from __future__ import annotations

import numpy as np

from csc_insight.synth import vocab
from csc_insight.synth.days import NA, add_years
from csc_insight.synth.journeys.sim import Sim, child_ids, const, dates, pick, segments, select
from csc_insight.synth.world import Columns


def care_periods(sim: Sim, eps: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
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
    return {
        "episode": i,
        "child": child,
        "start": start,
        "end": end,
        "rec": rec,
        "ls": ls,
        "cin": need,
        "uasc": uasc,
        "dob": dob,
        "dob18": dob18,
        "adopt": eps["adopt"][i],
        "at_18": eps["at_18"][i],
    }


def placements(sim: Sim, care: dict[str, np.ndarray]) -> Columns:
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
    # placed by the period's start at the latest, and no move after it (SSDA903 390)
    placed_day = np.maximum(placed_day, start[adopt_owner])
    # placed for adoption (E1) the child's legal status no longer changes to C1 (SSDA903 217)
    placed_of = np.full(n, np.iinfo(np.int64).max)
    placed_of[adopt_owner] = placed_day
    care["placed"] = placed_of  # the day each period's child was placed for adoption
    before_placed = legal_day < placed_of[legal_owner]
    legal_owner, legal_day = legal_owner[before_placed], legal_day[before_placed]
    keep_move = moves < placed_of[owner]
    owner, moves = owner[keep_move], moves[keep_move]

    ev_owner = np.concatenate([np.arange(n), owner, legal_owner, adopt_owner])
    ev_day = np.concatenate([start, moves, legal_day, placed_day])
    ev_kind = np.concatenate(
        [
            np.full(n, 0),
            np.full(len(owner), 1),
            np.full(len(legal_owner), 2),
            np.full(len(adopt_owner), 3),
        ]
    )
    ok = (ev_kind == 0) | ((ev_day > start[ev_owner]) & (ev_day < end[ev_owner]))
    ok |= (ev_kind == 3) & (ev_day < end[ev_owner])
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
    place = np.where(
        age < 11, pick(rng, vocab.PLACE_YOUNG, rows), pick(rng, vocab.PLACE_TEEN, rows)
    )
    uasc_rows = care["uasc"][per]
    place[uasc_rows] = pick(rng, vocab.PLACE_UASC, int(uasc_rows.sum()))
    # the youngest age for independent (P2) and semi-independent (H5) living (SSDA903 370, 371)
    place[((place == "P2") & (age < 15)) | ((place == "H5") & (age < 14))] = "K2"
    place[is_adopt] = np.where(rng.random(int(is_adopt.sum())) < 0.7, "A5", "A6")
    legal_set = first | is_legal | is_adopt
    ls_value = np.where(first, care["ls"][per], "C1").astype(object)
    ls_value[is_adopt] = "E1"
    place_set = first | is_place | is_adopt
    place = place[_ffill_index(place_set)]
    ls = ls_value[_ffill_index(legal_set)]
    # Placed for adoption with the current foster carer (A5) only from foster care.
    foster_before = np.zeros(rows, bool)
    foster_before[1:] = np.isin(place[:-1], vocab.FOSTER) & ~first[1:]
    place[is_adopt & (place == "A5") & ~foster_before] = "A6"
    # Reason for new episode, as the DfE's SSDA903 code list words it: a move is to new
    # carers (P); a move on the day the legal status changes is B, but placed for adoption
    # with the current foster carer (A5, legal status E1) keeps the carers (U).
    rne = np.full(rows, "S", dtype=object)
    rne[~first & is_place & ~(is_legal | is_adopt)] = "P"
    rne[~first & ~is_place & is_legal] = "L"
    rne[~first & (is_adopt | (is_place & is_legal))] = "B"
    rne[~first & is_adopt & (place == "A5")] = "U"
    dec = np.empty(rows, np.int64)
    dec[:-1] = decom[1:]
    dec[last] = end[per[last]]
    rec = np.where(last, care["rec"][per], "X1").astype(object)
    change = np.zeros(rows, bool)
    change[:-1] = np.isin(rne[1:], ["P", "T", "U", "B"])  # the placement changed (SSDA903 225)
    change &= ~last
    reason_change = np.where(change, pick(rng, vocab.PLACE_CHANGE, rows), None).astype(object)
    # placed with parents is not a single period of accommodation under section 20 (378)
    place[(place == "P1") & (ls == "V2")] = "U4"
    # left for a special guardianship or residence order to former foster carers, the last
    # placement is with foster carers (516)
    to_carers = last & np.isin(rec, ["E45", "E46"])
    last_placement = np.isin(np.arange(rows), _ffill_index(place_set)[to_carers])
    foster = np.isin(place, vocab.FOSTER)
    redo = np.isin(_ffill_index(place_set), np.nonzero(last_placement & ~foster)[0])
    place[redo] = "U4"
    provider = np.full(rows, "PR1", dtype=object)
    provider[np.isin(place, ["K2", "H5", "R1", "S1"]) | (rng.random(rows) < 0.3)] = "PR4"
    provider[place == "P1"] = "PR0"
    provider[np.isin(place, ["A5", "A6"])] = "PR1"
    postcodes = np.array(vocab.POSTCODES, dtype=object)
    home_at = rng.integers(0, 6, n) % vocab.HOME_POSTCODES
    pl_at = rng.integers(0, len(vocab.POSTCODES), rows)
    urn = np.where(
        place == "K2",
        np.array([f"SC{v:06d}" for v in rng.integers(0, 10**6, rows)], dtype=object),
        "XXXXXXX",
    ).astype(object)
    pl_post = postcodes[
        _placement_postcodes(place, provider, home_at[per], pl_at, place_set, first)
    ]
    # A change of legal status only keeps the placement's details (434).
    held = _ffill_index(place_set)
    pl_post, urn, provider = pl_post[held], urn[held], provider[held]
    # UASC: no home postcode, so no distance (392b, 406)
    home = np.where(care["uasc"], None, postcodes[home_at]).astype(object)

    # censor at the window end
    keep = decom <= sim.e0
    open_now = dec > sim.e0
    dec = np.where(open_now, NA, dec)
    rec[open_now] = None
    reason_change[open_now] = None
    cid = child_ids(sim)
    return select(
        {
            "child_id": cid[care["child"][per]],
            "decom": dates(decom),
            "rne": rne,
            "ls": ls,
            "cin": care["cin"][per],
            "place": place,
            "place_provider": provider,
            "dec": dates(dec),
            "rec": rec,
            "reason_place_change": reason_change,
            "home_post": home[per],
            "pl_post": pl_post,
            "urn": urn,
            "source": const("ssda903", rows),
            "source_ref": const(None, rows),
        },
        keep,
    )


def _ffill_index(is_set: np.ndarray) -> np.ndarray:
    """For each position, the index of the latest position at or before it that `is_set`."""
    idx = np.where(is_set, np.arange(len(is_set)), 0)
    return np.maximum.accumulate(idx) if len(idx) else idx


def _placement_postcodes(
    place: np.ndarray,
    provider: np.ndarray,
    home: np.ndarray,
    drawn: np.ndarray,
    place_set: np.ndarray,
    first: np.ndarray,
) -> np.ndarray:
    """Index into vocab.POSTCODES of each placement's postcode, from the one drawn: the home's
    when placed with parents (P1); else another than the home's (SSDA903 392d) and than the
    previous placement's (435), in the LA for its own provision other than foster care
    (1015). Only the rows that start a placement (`place_set`; `first`: of a period) matter."""
    out = drawn.copy()
    fostering = np.isin(place, ["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"])
    own = (provider == "PR1") & ~fostering
    out[own] %= vocab.POSTCODES_IN_LA
    total = len(vocab.POSTCODES)
    previous = -1
    for i in np.nonzero(place_set)[0].tolist():
        if first[i]:
            previous = -1  # a period of care's first placement
        if place[i] == "P1" and (previous < 0 or out[previous] != home[i]):
            out[i] = home[i]
        else:
            span = vocab.POSTCODES_IN_LA if own[i] else total
            k = int(out[i])
            while k == home[i] or (previous >= 0 and k == out[previous]):
                k = (k + 1) % span
            out[i] = k
        previous = i
    return out
