"""The simulation's state and the array helpers every part of it uses.

`Sim` holds the profile, the one random generator (every draw comes from it, in a fixed order),
the working-day calendar, the window and the children created so far; `Recurring` describes a
repeating event (visits, reviews). Dates are int64 day numbers (`synth.days`); `NA` = none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from csc_insight.common.calendar import WorkingDays
from csc_insight.synth import vocab
from csc_insight.synth.days import NA
from csc_insight.synth.profiles import Profile
from csc_insight.synth.world import Columns

WARM_UP_YEARS = 4


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
    working: bool = True  # count in working days (else calendar days, then snapped)


@dataclass
class Sim:
    profile: Profile
    rng: np.random.Generator
    cal: WorkingDays
    s0: int  # window start
    e0: int  # window end
    warm: int  # simulation start
    child_cols: dict[str, list[np.ndarray]] = field(default_factory=dict)
    n_children: int = 0
    worker_of_child: np.ndarray | None = None  # set by workforce_tables
    leaving_care_worker: np.ndarray | None = None  # per period of care
    cids: np.ndarray | None = None

    def years(self, a: int, b: int) -> float:
        return (b - a + 1) / 365.25

    def new_children(self, dob: np.ndarray, uasc: np.ndarray) -> np.ndarray:
        rng, n = self.rng, len(dob)
        eth = pick(
            rng, vocab.ETHNICITY_LONDON if self.profile.london else vocab.ETHNICITY_ENGLAND, n
        )
        eth[uasc] = pick(rng, vocab.ETHNICITY_UASC, int(uasc.sum()))
        sex = np.where(rng.random(n) < 0.51, "M", "F").astype(object)
        sex[uasc] = np.where(rng.random(int(uasc.sum())) < 0.9, "M", "F")
        sex[rng.random(n) < 0.003] = "U"
        disabled = rng.random(n) < 0.05
        for key, values in (
            ("dob", dob),
            ("ethnicity", eth),
            ("sex", sex),
            ("disability", disabled),
            ("uasc", uasc),
        ):
            self.child_cols.setdefault(key, []).append(np.asarray(values))
        first = self.n_children
        self.n_children += n
        return np.arange(first, first + n)

    def child(self, key: str) -> np.ndarray:
        return np.concatenate(self.child_cols[key])

    def recurring(
        self, starts: np.ndarray, ends: np.ndarray, rule: Recurring, lower: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
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


def collection_years(sim: Sim) -> list[int]:
    first, last = (
        date(1970, 1, 1) + timedelta(days=sim.s0),
        date(1970, 1, 1) + timedelta(days=sim.e0),
    )
    y0 = first.year + (1 if first >= date(first.year, 4, 1) else 0)
    y1 = last.year + (1 if last >= date(last.year, 4, 1) else 0)
    return list(range(y0, y1 + 1))


def child_ids(sim: Sim) -> np.ndarray:
    if sim.cids is None or len(sim.cids) != sim.n_children:
        tag = {"city": "CL", "borough": "LB", "england": "EN"}.get(sim.profile.name, "CH")
        sim.cids = ids(tag, 1, sim.n_children, 8)
    return sim.cids


def censor(e0: int) -> Callable[[np.ndarray], np.ndarray]:
    return lambda d: np.where(d > e0, NA, d)


def const(value: object, n: int) -> np.ndarray:
    return np.full(n, value, dtype=object)


def select(cols: Columns, keep: np.ndarray) -> Columns:
    return {k: v[keep] for k, v in cols.items()}
