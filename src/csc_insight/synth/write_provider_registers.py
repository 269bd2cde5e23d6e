"""Synthetic providers and safeguarding champions registers (`csc-insight synth
--registers-out DIR`), in the columns `csc-insight registers import providers|champions`
reads:

- `providers_register.csv`: the children's homes at the URNs of the world's SSDA903
  placements (the open ones first, then the latest), so that the register joined with
  the loaded returns finds children there; independent fostering agencies and
  semi-independent / supported accommodation providers with URNs of their own (the
  synthetic SSDA903 gives foster placements no URN). One row per Ofsted judgement and one
  per monitoring visit. Supported accommodation was not inspected by Ofsted before 2023:
  "Not yet inspected". The children's home with the latest placement was downgraded in the
  window's last months; one provider has had no visit in the last year.
- `champions_register.csv`, `champions_assurance.csv`, `champions_training.csv`: the
  authority's departments (the City's as its Corporate Safeguarding Policy lists them),
  a champion for most, a few stood down; chief officers' returns for each half-year due in
  the window's last two years (a few missing or late); safeguarding training.

Deterministic for the world's seed, from random streams of their own: the other synthetic
files are unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from csc_insight.synth.csvout import write_csv
from csc_insight.synth.world import World

IFA_NAMES = [
    "Northway Fostering",
    "Harbour Family Placements",
    "Brightside Foster Care",
    "Meridian Fostering Services",
    "Oakleaf Fostering",
    "Riverside Family Care",
    "Compass Foster Families",
    "Thameside Fostering Partnership",
]
SUPPORTED_NAMES = [
    "Step Forward Supported Living",
    "Keystone Semi-Independent Services",
    "Pathways Supported Accommodation",
    "New Leaf Housing Support",
    "Bridgeway Supported Lodgings",
]
HOME_NAMES = [
    "Willow House",
    "The Beeches",
    "Elm Lodge",
    "Cedar View",
    "Rowan Court",
    "Hawthorn House",
    "Maple Lodge",
    "Ashgrove",
]
RATINGS = ["Outstanding", "Good", "Requires improvement", "Inadequate"]
RATING_P = [0.15, 0.6, 0.2, 0.05]
RESULTS = ["Met", "Partly met", "Not met"]
RESULT_P = [0.75, 0.2, 0.05]

CITY_DEPARTMENTS = [
    "Community and Children's Services",
    "Town Clerk's",
    "Comptroller and City Solicitor's",
    "Chamberlain's",
    "City Bridge Trust",
    "Culture, Heritage and Libraries",
    "Open Spaces",
    "Markets and Consumer Protection",
    "City Surveyor's",
    "Built Environment",
    "Barbican Centre",
    "Guildhall School of Music & Drama",
]
OTHER_DEPARTMENTS = [
    "Children's Services",
    "Adult Social Care",
    "Housing",
    "Environment and Highways",
    "Finance",
    "Legal and Democratic Services",
    "Libraries, Culture and Leisure",
    "Public Health",
    "Regeneration",
    "Human Resources",
]
FIRST = ["Sam", "Alex", "Jo", "Priya", "Tom", "Ayesha", "Chris", "Maria", "Dev", "Ruth", "Kemi"]
LAST = ["Ahmed", "Barnes", "Clarke", "Dunn", "Evans", "Fraser", "Green", "Hussain", "Khan", "Lowe"]
ROLES = ["Assistant Director", "Head of Service", "Service Manager", "Operations Manager"]
COURSES = [
    "Safeguarding awareness (e-learning)",
    "Level 3 safeguarding children",
    "Prevent awareness",
    "Safer recruitment",
]
CHAMPION_COURSE = "Safeguarding champions' briefing"
ACTIONS = [
    "Refresh safeguarding training for front-of-house staff",
    "Update DBS checks for volunteers",
    "Name a deputy safeguarding champion",
    "Review lone-working arrangements with children's groups",
]

PROVIDER_HEADINGS = ["URN", "NAME", "TYPE", "RATING", "INSPECTED", "VISITED", "VISIT_RESULT"]
CHAMPION_HEADINGS = ["DEPARTMENT", "NAME", "ROLE", "APPOINTED", "ENDED"]
RETURN_HEADINGS = ["DEPARTMENT", "HALF_YEAR", "RECEIVED", "ASSURANCE", "ACTIONS"]
TRAINING_HEADINGS = ["NAME", "COURSE", "COMPLETED", "DEPARTMENT"]


def _day(value: np.datetime64) -> date | None:
    return None if np.isnat(value) else value.astype("datetime64[D]").astype(date)


def _between(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(days=int(rng.integers(0, max((last - first).days, 0) + 1)))


def placement_urns(world: World) -> list[str]:
    """The children's homes' URNs of the SSDA903 episodes in the window: open ones first,
    then by the latest end."""
    e = world.data["cla_episodes"]
    latest: dict[str, date] = {}
    far = date(9999, 12, 31)
    for urn, decom, dec in zip(e["urn"], e["decom"], e["dec"], strict=True):
        start, end = _day(decom), _day(dec)
        if urn in (None, "XXXXXXX") or start is None or start > world.end:
            continue
        if end is not None and end < world.start:
            continue
        latest[urn] = max(latest.get(urn, start), end or far)
    return sorted(latest, key=lambda u: (latest[u], u), reverse=True)


def provider_rows(world: World) -> list[dict[str, object]]:
    rng = np.random.default_rng([world.seed, 19])
    homes = placement_urns(world)
    scale = max(1, world.rows("cla_episodes") // 250)
    homes = homes[: min(len(HOME_NAMES), 3 * scale)]
    taken = set(homes)

    def new_urn(prefix: str) -> str:
        while True:
            urn = f"{prefix}{int(rng.integers(0, 10**6)):06d}"
            if urn not in taken:
                taken.add(urn)
                return urn

    providers = [(urn, HOME_NAMES[i], "HOME") for i, urn in enumerate(homes)]
    providers += [(new_urn("SC"), n, "IFA") for n in IFA_NAMES[: min(8, 4 * scale)]]
    providers += [(new_urn("2"), n, "SUPPORTED") for n in SUPPORTED_NAMES[: min(5, 2 * scale)]]
    rows: list[dict[str, object]] = []
    window_end = world.end
    for i, (urn, name, kind) in enumerate(providers):
        base = {"URN": urn, "NAME": name, "TYPE": kind}
        if kind == "SUPPORTED" and window_end < date(2024, 4, 1):
            rows.append({**base, "RATING": "Not yet inspected"})
        else:
            latest = _between(rng, window_end - timedelta(days=3 * 365), window_end)
            rating = str(rng.choice(RATINGS, p=RATING_P))
            if i == 0 and kind == "HOME":  # downgraded in the window's last months
                latest, rating = window_end - timedelta(days=int(rng.integers(20, 150))), RATINGS[2]
                rows.append({**base, "RATING": "Good", "INSPECTED": latest - timedelta(days=800)})
            elif rng.random() < 0.4:
                before = str(rng.choice(RATINGS, p=RATING_P))
                rows.append({**base, "RATING": before, "INSPECTED": latest - timedelta(days=900)})
            rows.append({**base, "RATING": rating, "INSPECTED": latest})
        skip_last = i == len(providers) - 1  # no visit in the last year
        for years_back in (1, 0):
            if years_back == 0 and skip_last:
                continue
            last = window_end - timedelta(days=365 * years_back)
            visited = _between(rng, last - timedelta(days=330), last - timedelta(days=10))
            result = str(rng.choice(RESULTS, p=RESULT_P))
            rows.append({**base, "VISITED": visited, "VISIT_RESULT": result})
    return rows


def _person(rng: np.random.Generator) -> str:
    return f"{FIRST[int(rng.integers(0, len(FIRST)))]} {LAST[int(rng.integers(0, len(LAST)))]}"


def _halves(world: World) -> list[tuple[str, date, date, date]]:
    """(label, start, end, due) of the half-years whose return was due in the window's
    last two years."""
    found = []
    for year in range(world.end.year - 3, world.end.year + 1):
        for half, start, end, due in (
            (1, date(year, 4, 1), date(year, 9, 30), date(year, 10, 31)),
            (2, date(year, 10, 1), date(year + 1, 3, 31), date(year + 1, 4, 30)),
        ):
            if world.end - timedelta(days=2 * 365) <= due <= world.end:
                found.append((f"{year}-{(year + 1) % 100:02d}-H{half}", start, end, due))
    return found


def champion_rows(world: World) -> tuple[list[dict], list[dict], list[dict]]:
    """(champions, assurance returns, training) rows."""
    rng = np.random.default_rng([world.seed, 20])
    departments = CITY_DEPARTMENTS if world.profile == "city" else OTHER_DEPARTMENTS
    champions: list[dict[str, object]] = []
    returns: list[dict[str, object]] = []
    training: list[dict[str, object]] = []
    first = world.end - timedelta(days=2 * 365)
    for dept in departments:
        r = rng.random(3)
        earliest, latest = first - timedelta(days=400), world.end - timedelta(days=60)
        if r[0] < 0.25:  # an earlier champion who stood down
            ended = _between(rng, first, world.end - timedelta(days=60))
            champions.append(
                {
                    "DEPARTMENT": dept,
                    "NAME": _person(rng),
                    "ROLE": ROLES[int(rng.integers(0, len(ROLES)))],
                    "APPOINTED": _between(rng, first - timedelta(days=700), first),
                    "ENDED": ended,
                }
            )
            if r[1] < 0.5:
                continue  # not yet replaced
            earliest = ended + timedelta(days=1)
            latest = min(earliest + timedelta(days=90), world.end)
        elif r[2] < 0.15:
            champions.append({"DEPARTMENT": dept})  # none named
            continue
        name = _person(rng)
        champions.append(
            {
                "DEPARTMENT": dept,
                "NAME": name,
                "ROLE": ROLES[int(rng.integers(0, len(ROLES)))],
                "APPOINTED": _between(rng, earliest, latest),
            }
        )
        training.append(
            {
                "NAME": name,
                "COURSE": CHAMPION_COURSE,
                "COMPLETED": _between(rng, world.end - timedelta(days=330), world.end),
                "DEPARTMENT": dept,
            }
        )
    for label, _start, end, due in _halves(world):
        for dept in departments:
            r = rng.random(3)
            if r[0] > 0.95:
                continue  # not received
            level = "green" if r[1] < 0.6 else "amber" if r[1] < 0.9 else "red"
            returns.append(
                {
                    "DEPARTMENT": dept,
                    "HALF_YEAR": label,
                    "RECEIVED": min(
                        _between(rng, end + timedelta(days=5), due)
                        if r[0] < 0.9
                        else _between(rng, due + timedelta(days=1), due + timedelta(days=20)),
                        world.end,
                    ),
                    "ASSURANCE": level,
                    "ACTIONS": ACTIONS[int(r[2] * len(ACTIONS))] if level != "green" else None,
                }
            )
    for dept in departments:
        for _ in range(int(rng.integers(0, 4))):
            training.append(
                {
                    "NAME": _person(rng),
                    "COURSE": COURSES[int(rng.integers(0, len(COURSES)))],
                    "COMPLETED": _between(rng, world.end - timedelta(days=700), world.end),
                    "DEPARTMENT": dept,
                }
            )
    return champions, returns, _unique(training, ("NAME", "COURSE", "COMPLETED"))


def _unique(rows: list[dict[str, object]], key: Sequence[str]) -> list[dict[str, object]]:
    seen: set[tuple[object, ...]] = set()
    kept = []
    for row in rows:
        k = tuple(row.get(h) for h in key)
        if k not in seen:
            seen.add(k)
            kept.append(row)
    return kept


def _write(path: Path, headings: list[str], rows: list[dict[str, object]]) -> Path:
    columns = {}
    for h in headings:
        values = [row.get(h) for row in rows]
        if any(isinstance(v, date) for v in values):
            columns[h] = np.array(
                [np.datetime64(v, "D") if v else np.datetime64("NaT", "D") for v in values],
                dtype="datetime64[D]",
            )
        else:
            columns[h] = np.array(values, dtype=object)
    return write_csv(path, columns)


def write_provider_registers(world: World, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    champions, returns, training = champion_rows(world)
    return [
        _write(out / "providers_register.csv", PROVIDER_HEADINGS, provider_rows(world)),
        _write(out / "champions_register.csv", CHAMPION_HEADINGS, champions),
        _write(out / "champions_assurance.csv", RETURN_HEADINGS, returns),
        _write(out / "champions_training.csv", TRAINING_HEADINGS, training),
    ]
