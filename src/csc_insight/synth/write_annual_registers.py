"""The LADO and private fostering registers for `csc-insight synth --registers-out DIR`:
`lado_register.csv`, `private_fostering_register.csv` and
`private_fostering_awareness.csv`, in the columns `csc-insight registers import
lado|private-fostering|private-fostering-awareness` reads. Deterministic for the world's
seed; written beside the other registers by write_registers.py.

Sizes follow the profile's 0-17 population: LADO contacts about 5 a year plus 2 per 1,000
children (the City: about 7 a year, as its annual reports show; about 60% meet the
threshold); private fostering notifications about 1.2 a year per 10,000 children (the City:
usually none in a year, as its reports say); a handful of awareness activities a year
whatever the size (Private Fostering Week in July, training, a briefing to schools).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np

from csc_insight.synth.csvout import write_csv
from csc_insight.synth.profiles import PROFILES
from csc_insight.synth.world import World

LADO_BASE, LADO_PER_CHILD = 5.0, 0.002
FOSTERING_PER_CHILD = 0.00012
SECTORS = {
    "education": (0.40, ["Teacher", "Teaching assistant", "Headteacher"], "School"),
    "early_years": (0.10, ["Nursery worker", "Childminder"], "Nursery"),
    "health": (0.10, ["Nurse", "GP"], "Health trust"),
    "social_care": (
        0.15,
        ["Foster carer", "Residential worker", "Social worker"],
        "Local authority",
    ),
    "police": (0.05, ["Police officer"], "Police"),
    "faith": (0.05, ["Youth leader"], "Faith group"),
    "sport": (0.05, ["Sports coach"], "Sports club"),
    "other": (0.10, ["Volunteer", "Taxi driver"], "Parent"),
}
CATEGORIES = {
    "physical": 0.35,
    "sexual": 0.2,
    "emotional": 0.15,
    "neglect": 0.05,
    "suitability": 0.25,
}
OUTCOMES = {
    "substantiated": 0.25,
    "unsubstantiated": 0.3,
    "unfounded": 0.2,
    "false": 0.05,
    "malicious": 0.02,
    "nfa": 0.18,
}
LADO_HEADINGS = [
    "REFERENCE",
    "RECEIVED",
    "SOURCE",
    "SECTOR",
    "ROLE",
    "CATEGORY",
    "THRESHOLD",
    "INITIAL_MEETING",
    "OUTCOME",
    "CONCLUDED",
]
FOSTERING_HEADINGS = [
    "CHILD",
    "NOTIFIED",
    "NOTIFIED_BY",
    "INITIAL_VISIT",
    "ASSESSMENT_COMPLETED",
    "VISITS",
    "ENDED",
    "END_REASON",
]
AWARENESS_HEADINGS = ["DATE", "KIND", "TITLE", "AUDIENCE", "ATTENDEES"]
NOTIFIERS = ["School", "Parent", "Private foster carer", "Health visitor", "GP"]
END_REASONS = ["Returned to parents", "Reached 16", "Moved out of the area"]


def _years(world: World) -> list[tuple[int, date, date]]:
    """(first calendar year, first day, last day) of each financial year in the window,
    clipped to it."""
    first = world.start.year - (world.start.month < 4)
    last = world.end.year - (world.end.month < 4)
    return [
        (y, max(world.start, date(y, 4, 1)), min(world.end, date(y + 1, 3, 31)))
        for y in range(first, last + 1)
    ]


def _pick(rng: np.random.Generator, weights: dict[str, float]) -> str:
    keys = list(weights)
    p = np.array([weights[k] for k in keys])
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def _day_in(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(days=int(rng.integers(0, (last - first).days + 1)))


def _weekday(day: date) -> date:
    """The day, or the Monday after when it falls at a weekend (meetings, training)."""
    return day + timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


def _share(first: date, last: date) -> float:
    return ((last - first).days + 1) / 365.25


def lado_rows(world: World) -> list[dict[str, object]]:
    rng = np.random.default_rng([world.seed, 19])
    rate = LADO_BASE + PROFILES[world.profile].population * LADO_PER_CHILD
    rows: list[dict[str, object]] = []
    for year, first, last in _years(world):
        received = sorted(
            _day_in(rng, first, last) for _ in range(rng.poisson(rate * _share(first, last)))
        )
        for number, day in enumerate(received, start=1):
            sector = _pick(rng, {k: v[0] for k, v in SECTORS.items()})
            roles, source = SECTORS[sector][1], SECTORS[sector][2]
            referral = rng.random() < 0.6
            meeting = _weekday(day + timedelta(days=int(rng.integers(1, 8)))) if referral else None
            concluded = day + timedelta(days=int(rng.gamma(2.0, 30.0)) + 7) if referral else day
            concluded = concluded if concluded <= world.end else None
            rows.append(
                {
                    "REFERENCE": f"LADO-{year}-{number:03d}",
                    "RECEIVED": day,
                    "SOURCE": source,
                    "SECTOR": sector,
                    "ROLE": roles[int(rng.integers(0, len(roles)))],
                    "CATEGORY": _pick(rng, CATEGORIES),
                    "THRESHOLD": "Y" if referral else "N",
                    "INITIAL_MEETING": meeting if meeting and meeting <= world.end else None,
                    "OUTCOME": _pick(rng, OUTCOMES) if referral and concluded else None,
                    "CONCLUDED": concluded,
                }
            )
    return rows


def _visits(rng: np.random.Generator, notified: date, first: date, until: date) -> list[date]:
    visits, day = [], first
    while True:
        gap = (
            int(rng.integers(35, 46))
            if day < notified + timedelta(days=365)
            else int(rng.integers(70, 86))
        )
        day += timedelta(days=gap)
        if day > until:
            return visits
        visits.append(day)


def fostering_rows(world: World) -> list[dict[str, object]]:
    rng = np.random.default_rng([world.seed, 20])
    rate = PROFILES[world.profile].population * FOSTERING_PER_CHILD
    rows: list[dict[str, object]] = []
    for year, first, last in _years(world):
        notified = sorted(
            _day_in(rng, first, last) for _ in range(rng.poisson(rate * _share(first, last)))
        )
        for number, day in enumerate(notified, start=1):
            visit = day + timedelta(days=int(rng.integers(1, 10)))
            assessed = day + timedelta(days=int(rng.integers(20, 50)))
            ended = day + timedelta(days=int(rng.integers(60, 500)))
            ended_on = ended if ended <= world.end else None
            visited = visit <= world.end
            visits = _visits(rng, day, visit, min(ended, world.end)) if visited else []
            rows.append(
                {
                    "CHILD": f"PF-{year}-{number:03d}",
                    "NOTIFIED": day,
                    "NOTIFIED_BY": NOTIFIERS[int(rng.integers(0, len(NOTIFIERS)))],
                    "INITIAL_VISIT": visit if visited else None,
                    "ASSESSMENT_COMPLETED": assessed if assessed <= world.end else None,
                    "VISITS": "; ".join(f"{v:%d/%m/%Y}" for v in visits) or None,
                    "ENDED": ended_on,
                    "END_REASON": END_REASONS[int(rng.integers(0, 3))] if ended_on else None,
                }
            )
    return rows


def awareness_rows(world: World) -> list[dict[str, object]]:
    rng = np.random.default_rng([world.seed, 21])
    rows: list[dict[str, object]] = []
    for year, first, last in _years(world):
        planned = [
            (
                date(year, 7, 1 + int(rng.integers(0, 7))),
                "pf_week",
                "Private Fostering Week information stall",
                "Residents and City workers",
            ),
            (
                date(year, 10, 1 + int(rng.integers(0, 28))),
                "training",
                "Safeguarding training: private fostering",
                "Children's services and partner staff",
            ),
            (
                date(year + 1, 1, 6 + int(rng.integers(0, 20))),
                "briefing",
                "Private fostering briefing for schools",
                "Designated safeguarding leads",
            ),
        ]
        if rng.random() < 0.5:
            planned.append(
                (
                    date(year, 5, 1 + int(rng.integers(0, 28))),
                    "campaign",
                    "Private fostering app promoted to residents",
                    "Residents",
                )
            )
        for planned_day, kind, title, audience in sorted(planned):
            day = planned_day if kind == "pf_week" else _weekday(planned_day)
            if first <= day <= last:
                rows.append(
                    {
                        "DATE": day,
                        "KIND": kind,
                        "TITLE": title,
                        "AUDIENCE": audience,
                        "ATTENDEES": None if kind == "campaign" else int(rng.integers(8, 41)),
                    }
                )
    return rows


def _columns(rows: list[dict[str, object]], headings: list[str], dates: tuple[str, ...]) -> dict:
    columns = {h: np.array([row[h] for row in rows], dtype=object) for h in headings}
    for h in dates:
        columns[h] = np.array(
            [np.datetime64(v, "D") if v else np.datetime64("NaT", "D") for v in columns[h]],
            dtype="datetime64[D]",
        )
    return columns


def write_annual_registers(world: World, out: Path) -> list[Path]:
    """The three files, written into `out` (which exists)."""
    return [
        write_csv(
            out / "lado_register.csv",
            _columns(
                lado_rows(world),
                LADO_HEADINGS,
                ("RECEIVED", "INITIAL_MEETING", "CONCLUDED"),
            ),
        ),
        write_csv(
            out / "private_fostering_register.csv",
            _columns(
                fostering_rows(world),
                FOSTERING_HEADINGS,
                ("NOTIFIED", "INITIAL_VISIT", "ASSESSMENT_COMPLETED", "ENDED"),
            ),
        ),
        write_csv(
            out / "private_fostering_awareness.csv",
            _columns(awareness_rows(world), AWARENESS_HEADINGS, ("DATE",)),
        ),
    ]
