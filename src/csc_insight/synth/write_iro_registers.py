"""The IRO service register for `csc-insight synth --registers-out DIR`: `iro_escalations.csv`
and `iro_contacts.csv`, in the columns `csc-insight registers import iro` reads.
Deterministic for the world's seed; written beside the other registers by
write_registers.py.

The children are the world's looked-after children, at the reviews the SSDA903 holds, so
the register and the loaded returns tell one story. Each child has one IRO (`IRO1`,
`IRO2`, ...: one per 60 children reviewed in the window's last year, as the IRO Handbook's
caseload of 50-70), who is in touch between most reviews (a contact between 85 in 100 pairs
of reviews, a second one in 30; visits mostly, some phone and video calls) and after the
last review of a child still looked after. Escalations (disputes the IRO raises, often
after a review): about 6 a year per 100 children reviewed (the City: 0-3 a year), most
resolved informally within a few weeks, some going to formal stages; one raised near the
window's end may still be open.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from csc_insight.synth.csvout import write_csv
from csc_insight.synth.world import World

CASELOAD = 60
ESCALATIONS_PER_CHILD = 0.06
CONTACT_CHANCE, SECOND_CONTACT = 0.85, 0.3
KINDS = {"visit": 0.6, "phone": 0.25, "virtual": 0.15}
CATEGORIES = {
    "care_planning": 0.3,
    "placement": 0.2,
    "education": 0.15,
    "health": 0.1,
    "contact": 0.08,
    "permanence": 0.07,
    "delay": 0.07,
    "other": 0.03,
}
# The stage an escalation reaches, and the days from raising it to reaching that stage.
STAGES = {
    "informal": (0.65, 0),
    "stage_1": (0.25, 10),
    "stage_2": (0.08, 25),
    "stage_3": (0.02, 40),
}
OUTCOMES = {"resolved": 0.7, "partly": 0.15, "not_resolved": 0.05, "withdrawn": 0.1}
ESCALATION_HEADINGS = ["CHILD", "IRO", "RAISED", "ISSUE", "STAGE", "STAGE_DATE", "RESOLVED"]
ESCALATION_HEADINGS += ["OUTCOME"]
CONTACT_HEADINGS = ["CHILD", "IRO", "DATE", "TYPE"]


def _pick(rng: np.random.Generator, weights: dict[str, object]) -> str:
    keys = list(weights)
    p = np.array([w[0] if isinstance(w, tuple) else w for w in weights.values()], dtype=float)
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def _reviews(world: World) -> dict[str, list[date]]:
    """Child -> the days of their reviews in the window, in order."""
    rv = world.data["cla_reviews"]
    found: dict[str, list[date]] = {}
    days = rv["review_date"].astype("datetime64[D]").astype(object)
    for child, day in zip(rv["child_id"].tolist(), days.tolist(), strict=True):
        if day is not None and world.start <= day <= world.end:
            found.setdefault(child, []).append(day)
    return {c: sorted(set(d)) for c, d in sorted(found.items())}


def _looked_after_at_end(world: World) -> set[str]:
    ep = world.data["cla_episodes"]
    ends = ep["dec"].astype("datetime64[D]")
    return {c for c, end in zip(ep["child_id"].tolist(), ends, strict=True) if np.isnat(end)}


def iro_of(world: World) -> dict[str, str]:
    """Each reviewed child's IRO."""
    reviews = _reviews(world)
    last_year = world.end - timedelta(days=365)
    recent = sum(1 for days in reviews.values() if days[-1] > last_year)
    count = max(1, math.ceil(recent / CASELOAD))
    rng = np.random.default_rng([world.seed, 23])
    order = rng.permutation(len(reviews))
    return {child: f"IRO{order[i] % count + 1}" for i, child in enumerate(reviews)}


def _between(rng: np.random.Generator, start: date, end: date) -> date | None:
    """A day strictly between `start` and `end`, or None when there is none."""
    span = (end - start).days
    return start + timedelta(days=int(rng.integers(1, span))) if span >= 2 else None


def contact_rows(world: World) -> list[dict[str, object]]:
    rng = np.random.default_rng([world.seed, 24])
    iros, open_now = iro_of(world), _looked_after_at_end(world)
    rows: list[dict[str, object]] = []
    for child, days in _reviews(world).items():
        pairs = list(zip(days, days[1:], strict=False))
        if child in open_now:
            pairs.append((days[-1], world.end + timedelta(days=1)))
        made: set[date] = set()
        for start, end in pairs:
            for chance in (CONTACT_CHANCE, SECOND_CONTACT):
                day = _between(rng, start, end) if rng.random() < chance else None
                if day is not None and day not in made:
                    made.add(day)
                    rows.append(
                        {"CHILD": child, "IRO": iros[child], "DATE": day, "TYPE": _pick(rng, KINDS)}
                    )
    return sorted(rows, key=lambda r: (r["DATE"], r["CHILD"]))  # type: ignore[return-value]


def escalation_rows(world: World) -> list[dict[str, object]]:
    rng = np.random.default_rng([world.seed, 25])
    iros = iro_of(world)
    held = [(day, child) for child, days in _reviews(world).items() for day in days]
    rows: list[dict[str, object]] = []
    if not held:
        return rows
    seen: set[tuple[str, date, str]] = set()
    for first in range(world.start.year - 1, world.end.year + 1):
        start, end = max(world.start, date(first, 4, 1)), min(world.end, date(first + 1, 3, 31))
        if start > end:
            continue
        in_year = [h for h in held if start <= h[0] <= end]
        children = len({c for _, c in in_year})
        for _ in range(
            rng.poisson(children * ESCALATIONS_PER_CHILD * ((end - start).days + 1) / 365)
        ):
            review, child = in_year[int(rng.integers(0, len(in_year)))]
            raised = review + timedelta(days=int(rng.integers(1, 21)))
            category = _pick(rng, CATEGORIES)
            if raised > world.end or (child, raised, category) in seen:
                continue
            seen.add((child, raised, category))
            stage = _pick(rng, STAGES)
            stage_on = raised + timedelta(days=STAGES[stage][1] + int(rng.integers(0, 5)))
            resolved = stage_on + timedelta(days=int(rng.gamma(2.0, 8.0)) + 2)
            done = resolved <= world.end and stage_on <= world.end
            rows.append(
                {
                    "CHILD": child,
                    "IRO": iros[child],
                    "RAISED": raised,
                    "ISSUE": category,
                    "STAGE": stage,
                    "STAGE_DATE": stage_on
                    if stage != "informal" and stage_on <= world.end
                    else None,
                    "RESOLVED": resolved if done else None,
                    "OUTCOME": _pick(rng, OUTCOMES) if done else None,
                }
            )
    for row in rows:  # a stage not yet reached by the window's end: the stage before it
        if row["STAGE"] != "informal" and row["STAGE_DATE"] is None:
            row["STAGE"] = "informal"
    return sorted(rows, key=lambda r: (r["RAISED"], r["CHILD"]))  # type: ignore[return-value]


def _columns(rows: list[dict[str, object]], headings: list[str], dates: tuple[str, ...]) -> dict:
    columns = {h: np.array([row[h] for row in rows], dtype=object) for h in headings}
    for h in dates:
        columns[h] = np.array(
            [np.datetime64(v, "D") if v else np.datetime64("NaT", "D") for v in columns[h]],
            dtype="datetime64[D]",
        )
    return columns


def write_iro_registers(world: World, out: Path) -> list[Path]:
    """The two files, written into `out` (which exists)."""
    return [
        write_csv(
            out / "iro_escalations.csv",
            _columns(
                escalation_rows(world), ESCALATION_HEADINGS, ("RAISED", "STAGE_DATE", "RESOLVED")
            ),
        ),
        write_csv(
            out / "iro_contacts.csv",
            _columns(contact_rows(world), CONTACT_HEADINGS, ("DATE",)),
        ),
    ]
