"""Short breaks for disabled children in the synthetic world, by both routes a council uses.

About `PER_10K` children a year per 10,000 children get a short break (the City: about 5 of
its 900, seed 002: 6 in 2018-19). Each child has one package of breaks; the packages start
evenly spread from two years before the simulation to its end and last six months to three
and a half years (ending at 18 at the latest). The children are disabled children of the
world, aged 3-16 when it starts, who are never otherwise looked after or unaccompanied.

- `LOOKED_AFTER` of the packages are an agreed series of short-term breaks with the child
  looked after (SSDA903 episodes, category of need N2): mostly one episode for the whole
  agreement (legal status V4), otherwise one episode per stay of 1-3 nights every 3-6
  weeks (V3). `ALSO_SECTION_17` of these children have a section 17 service as well.
- The others have one section 17 service, or two (`SECOND_SERVICE`), in
  `short_breaks` (local extras short_breaks.csv), with the child's disability and the hours
  a week or nights a year agreed.

A random generator of its own, so nothing else in the world moves.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from csc_insight.store.schema import tables
from csc_insight.synth import vocab
from csc_insight.synth.journeys import WARM_UP_YEARS, pick, segments
from csc_insight.synth.world import Columns, World

PER_10K = 60.0
LOOKED_AFTER = 0.3
V3 = 0.3  # looked-after packages recorded stay by stay
ALSO_SECTION_17 = 0.5
SECOND_SERVICE = 0.35
SERVICES = {"activity": 35, "day": 25, "home": 20, "overnight": 10, "direct_payment": 10}
SECTION_17_BESIDE_CARE = {"activity": 60, "day": 25, "home": 15}
# Short breaks are not long-term foster placements (U1, U4: SSDA903 384).
PLACES = {"K2": 60, "U5": 20, "U6": 20}
NAT = np.datetime64("NaT", "D")
YEAR = 365.25


def add_short_breaks(world: World) -> None:
    """Add `short_breaks` and the V3/V4 episodes of `cla_episodes` (see the module)."""
    rng = np.random.default_rng([world.seed, 19, 2])
    first = np.datetime64(date(world.start.year - WARM_UP_YEARS - 2, world.start.month, 1), "D")
    end = np.datetime64(world.end, "D")
    span = (end - first).astype(np.int64)
    pop = world.data["population"]["population"]
    children = float(pop[-1]) if len(pop) else 10_000.0
    # A child counts in each year its package touches: on average its length plus a year.
    # Starts are spread evenly (one in each equal slice of time), so years differ little.
    starts = max(1, round(PER_10K * children / 10_000 / 3.0 * span / YEAR))
    start = first + ((np.arange(starts) + rng.random(starts)) * span / starts).astype(np.int64)
    child, dob = _children(world, rng, start)
    ok = child >= 0
    start, child, dob = start[ok], child[ok], dob[ok]
    n = len(start)
    dob18 = (dob.astype("datetime64[M]") + 18 * 12).astype("datetime64[D]") - 1
    stop = np.minimum(start + (rng.uniform(0.5, 3.5, n) * YEAR).astype(np.int64), dob18)
    cids = world.data["children"]["child_id"][child]
    disability = pick(rng, vocab.DISABILITY, n)
    cared = rng.random(n) < LOOKED_AFTER
    stays = cared & (rng.random(n) < V3)

    episodes = _episodes(rng, cids[cared], start[cared], stop[cared], stays[cared], end)
    world.data["cla_episodes"] = {
        c: np.concatenate([world.data["cla_episodes"][c], episodes[c]])
        for c in world.data["cla_episodes"]
    }

    # A section 17 child's first service runs the whole package; a service beside care, or
    # a second one, starts part-way through it.
    first_service = np.nonzero(~cared)[0]
    later = np.concatenate(
        [
            np.nonzero(cared & (rng.random(n) < ALSO_SECTION_17))[0],
            np.nonzero(~cared & (rng.random(n) < SECOND_SERVICE))[0],
        ]
    )
    owner = np.concatenate([first_service, later])
    service = np.concatenate(
        [
            pick(rng, SERVICES, len(first_service)),
            np.where(
                cared[later],
                pick(rng, SECTION_17_BESIDE_CARE, len(later)),
                pick(rng, SERVICES, len(later)),
            ),
        ]
    )
    delay = rng.random(len(later)) * (stop - start)[later].astype(np.int64) * 0.6
    s_start = start[owner] + np.concatenate(
        [np.zeros(len(first_service), np.int64), delay.astype(np.int64)]
    )
    s_stop = stop[owner]
    keep = s_start <= end
    # a second service of the kind the first is, starting the same day, is the same service
    key = [
        f"{c}/{v}/{d}"
        for c, v, d in zip(owner.tolist(), service.tolist(), s_start.tolist(), strict=True)
    ]
    _, once = np.unique(np.array(key, dtype=object), return_index=True)
    keep &= np.isin(np.arange(len(owner)), once)
    world.data["short_breaks"] = _section_17(
        rng,
        cids[owner][keep],
        disability[owner][keep],
        service[keep],
        s_start[keep],
        s_stop[keep],
        end,
    )


def _children(
    world: World, rng: np.random.Generator, start: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """A different disabled child, aged 3-16 on the day, for each start (-1: none found)."""
    ch = world.data["children"]
    in_care = set(world.data["cla_episodes"]["child_id"].tolist())
    able = np.fromiter(
        (
            (d is True) and (u is not True) and (c not in in_care)
            for d, u, c in zip(
                ch["disability"].tolist(), ch["uasc"].tolist(), ch["child_id"].tolist(), strict=True
            )
        ),
        bool,
        len(ch["child_id"]),
    )
    pool = np.nonzero(able)[0]
    child = np.full(len(start), -1, np.int64)
    used = np.zeros(len(able), bool)
    for _ in range(40 if len(pool) else 0):  # rounds of draws until each start has a child
        todo = np.nonzero(child < 0)[0]
        if not len(todo):
            break
        drawn = pool[rng.integers(0, len(pool), len(todo))]
        age = (start[todo] - ch["dob"][drawn]).astype(np.int64) / YEAR
        fits = (age >= 3) & (age < 17) & ~used[drawn]
        _, once = np.unique(drawn[fits], return_index=True)
        child[todo[fits][once]] = drawn[fits][once]
        used[drawn[fits][once]] = True
    dob = np.where(child >= 0, ch["dob"][np.maximum(child, 0)], NAT)
    return child, dob


def _episodes(
    rng: np.random.Generator,
    child: np.ndarray,
    start: np.ndarray,
    stop: np.ndarray,
    stays: np.ndarray,
    end: np.datetime64,
) -> Columns:
    """SSDA903 episodes: V4, one per agreement; V3, one per stay of 1-3 nights."""
    agreed = np.nonzero(~stays)[0]
    v3 = np.nonzero(stays)[0]
    last = np.minimum(stop[v3], end)
    # at most one stay every 22 days: draw that many, keep those starting by the last day
    owner, _ = segments((last - start[v3]).astype(np.int64) // 22 + 1)
    nights = rng.integers(1, 4, len(owner))
    step = nights + rng.integers(21, 43, len(owner))
    done = np.cumsum(step) - step
    offset = done - done[np.searchsorted(owner, owner)]  # days since the package started
    stay = start[v3][owner] + offset
    kept = stay <= last[owner]
    who = np.concatenate([agreed, v3[owner[kept]]])
    decom_a = np.concatenate([start[agreed], stay[kept]]).astype("datetime64[D]")
    dec_a = np.concatenate([stop[agreed], stay[kept] + nights[kept]]).astype("datetime64[D]")
    ls_a = np.array(["V4"] * len(agreed) + ["V3"] * int(kept.sum()), dtype=object)
    order = np.lexsort((decom_a, who))
    who, decom_a, dec_a, ls_a = who[order], decom_a[order], dec_a[order], ls_a[order]
    m = len(who)
    open_now = dec_a > end
    dec_a[open_now] = NAT
    rec = np.where(ls_a == "V3", "E4A", "E8").astype(object)
    rec[open_now] = None
    place = pick(rng, PLACES, m)
    # No URN, home or placement postcode for short breaks (SSDA903 214, 398); their draws
    # are kept so that what follows stays as it was.
    rng.integers(0, 10**6, m)
    rng.integers(0, 6, len(child))
    rng.integers(0, 6, m)
    none = np.full(m, None, dtype=object)
    return {
        "child_id": child[who],
        "decom": decom_a,
        "rne": np.full(m, "S", dtype=object),
        "ls": ls_a,
        "cin": np.full(m, "N2", dtype=object),
        "place": place,
        "place_provider": np.full(m, "PR1", dtype=object),
        "dec": dec_a,
        "rec": rec,
        "reason_place_change": none,
        "home_post": none,
        "pl_post": none,
        "urn": none,
        "source": np.full(m, "ssda903", dtype=object),
        "source_ref": none,
    }


def _section_17(
    rng: np.random.Generator,
    child: np.ndarray,
    disability: np.ndarray,
    service: np.ndarray,
    start: np.ndarray,
    stop: np.ndarray,
    end: np.datetime64,
) -> Columns:
    m = len(child)
    overnight = service == "overnight"
    hours = np.where(overnight, np.nan, np.round(rng.uniform(2, 10, m) * 2) / 2)
    nights = np.where(overnight, rng.integers(12, 53, m).astype(float), np.nan)
    order = np.lexsort((service.astype(str), start, child.astype(str)))
    columns = {
        "child_id": child,
        "disability": disability,
        "service": service,
        "start_date": start,
        "end_date": np.where(stop > end, NAT, stop),
        "hours_per_week": hours,
        "nights_per_year": nights,
        "source": np.full(m, "local", dtype=object),
        "source_ref": np.full(m, None, dtype=object),
    }
    return {c: columns[c][order] for c in tables()["short_breaks"]}
