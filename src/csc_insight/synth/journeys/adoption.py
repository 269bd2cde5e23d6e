"""Adoption: the Annex A List 10 dates for children adopted from care (adoption), and the
SSDA903 AD1 facts about their adopters."""

from __future__ import annotations

import numpy as np

from csc_insight.synth.days import NA
from csc_insight.synth.journeys.sim import Sim, censor, child_ids, const, dates, ids, pick, select
from csc_insight.synth.world import Columns


def adoption_table(sim: Sim, care: dict[str, np.ndarray], extra: dict[str, Columns]) -> Columns:
    rng, e0 = sim.rng, sim.e0
    cid = child_ids(sim)
    i = np.nonzero(care["adopt"])[0]
    n = len(i)
    start, end = care["start"][i], care["end"][i]
    decision = start + rng.integers(90, 200, n)
    # the decision that the child should be placed for adoption comes by the day the episodes
    # show the child placed (SSDA903 521); a short period of care may have placed the child
    # sooner than the drawn delay
    if "placed" in care:
        decision = np.minimum(decision, care["placed"][i])
    order_day = decision + rng.integers(40, 120, n)
    placed = np.maximum(order_day + 10, end - rng.integers(200, 330, n))
    matched = placed - rng.integers(10, 40, n)
    # matched by the day the episodes show the child placed for adoption (SSDA903 331)
    if "placed" in care:
        matched = np.maximum(np.minimum(matched, care["placed"][i]), decision)
    cen = censor(e0)
    keep = decision <= e0
    foster_care = rng.random(n) < 0.15
    couple = rng.random(n) < 0.8
    sex = pick(rng, {"MF": 80, "MM": 8, "FF": 7}, n)
    status = pick(rng, {"L0": 60, "L11": 20, "L12": 5, "L2": 10, "L4": 5}, n)
    # The adopters' number, genders and legal status agree (SSDA903 514, 520 and the like):
    # a single adopter (L0) is M1 or F1; a married couple L11 if MF, else L12; an
    # unmarried couple L3 if MF, else L4; civil partners (L2) any couple.
    married = np.isin(status, ["L0", "L11", "L12"])
    mixed = sex == "MF"
    status = np.where(married, np.where(mixed, "L11", "L12"), status)
    status = np.where(status == "L4", np.where(mixed, "L3", "L4"), status).astype(object)
    status[~couple] = "L0"
    sex = np.where(couple, sex, np.where(sex == "MM", "M1", "F1")).astype(object)
    extra["ad1"] = {
        "period": i[keep],
        "foster_care": foster_care[keep],
        "nb_adoptr": np.where(couple, 2, 1)[keep],
        "sex_adoptr": sex[keep],
        "ls_adoptr": status[keep],
        "family": ids("FAM", 1, n, 6)[keep],
    }
    return select(
        {
            "child_id": cid[care["child"][i]],
            "entered_care": dates(start),
            "decision_date": dates(decision),
            "placement_order_date": dates(cen(order_day)),
            "matched_date": dates(cen(matched)),
            "placed_date": dates(cen(placed)),
            "adoption_order_date": dates(cen(end)),
            "no_longer_placed_date": dates(np.full(n, NA)),
            "no_longer_placed_reason": const(None, n),
            "ffa_date": dates(np.full(n, NA)),
            "source": const("annex_a", n),
            "source_ref": const(None, n),
        },
        keep,
    )
