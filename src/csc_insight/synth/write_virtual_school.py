"""The synthetic Virtual School register (`csc-insight synth --registers-out DIR`), as six
files in the columns `csc-insight registers import virtual-school` reads:
`virtual_school_schools.csv`, `virtual_school_peps.csv`, `virtual_school_attendance.csv`,
`virtual_school_exclusions.csv`, `virtual_school_results.csv` and
`virtual_school_activity.csv`.

Its children are the world's: those looked after (SSDA903 episodes, short breaks left out)
at some time in the school years (September-August) the window overlaps, the last three
at most, and in Nursery to Year 13 then. For the City that is about 20 a year,
most of them unaccompanied asylum seekers aged 16-17, as its reports say. Each child is on
a school's roll by phase (nursery, primary, secondary, a college after 16; an ESOL tuition
class first for a young person who arrives at 16 or over), with a school move now and
then; a PEP each term looked after, most graded good or outstanding and fewer below good
in the later years (the new PEP system); termly attendance with some persistent absence;
a few suspensions and, rarely, a permanent exclusion; results for those at the end of
Reception, Years 2, 6 and 11 in years whose results are out; post-16 activity each term
for 16-17 year olds, and for care leavers at their 18th birthday the activity their OC3
gives (now and then recorded differently, as registers and returns do disagree).

Deterministic for the world's seed, from a random stream of its own: the other synthetic
files are unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from csc_insight.synth.csvout import write_csv
from csc_insight.synth.world import World

SCHOOL_HEADINGS = ["CHILD", "SCHOOL", "URN", "PHASE", "OFSTED", "OFSTED_DATE", "START", "END"]
PEP_HEADINGS = ["CHILD", "PEP_DATE", "GRADE"]
ATTENDANCE_HEADINGS = ["CHILD", "YEAR", "TERM", "ATTENDANCE"]
EXCLUSION_HEADINGS = ["CHILD", "EXCLUDED_ON", "TYPE", "DAYS", "REASON"]
RESULT_HEADINGS = ["CHILD", "YEAR", "KEY_STAGE", "EXPECTED", "ATTAINMENT8"]
ACTIVITY_HEADINGS = ["CHILD", "AS_AT", "ACTIVITY"]

NAMES = {
    "early_years": ["Little Acorns Nursery", "Rainbow Day Nursery", "Orchard Children's Centre"],
    "primary": [
        "Hillside Primary School",
        "St Anne's Church of England Primary School",
        "Brookfield Primary School",
        "Meadow Lane Primary Academy",
        "Riverbank Primary School",
        "Fairfield Junior and Infant School",
    ],
    "secondary": [
        "Northgate Academy",
        "Westfield School",
        "Kingsmead Secondary School",
        "Parkside Community College",
        "Harbour High School",
    ],
    "post16": ["Riverside College", "Northgate Sixth Form College", "Eastway Further Education"],
}
TUITION = "Golden Lane ESOL tuition class"
GRADES = ["Outstanding", "Good", "Requires improvement", "Inadequate"]
GRADE_P = [0.22, 0.62, 0.12, 0.04]
# PEP quality grades: the first year of the window, then later years (the new system).
PEP_P = ([0.15, 0.55, 0.24, 0.06], [0.3, 0.6, 0.08, 0.02])
REASONS = ["Persistent disruptive behaviour", "Verbal abuse of an adult", "Physical assault"]
# School days of each term, for PEP dates (month, day) from and to.
TERM_DAYS = {
    "autumn": ((9, 8), (12, 15)),
    "spring": ((1, 6), (3, 25)),
    "summer": ((4, 20), (7, 15)),
}
RESULT_AT = {0: ("EYFS", 0.45), 2: ("KS1", 0.38), 6: ("KS2", 0.37), 11: ("KS4", 0.2)}
OC3_ACTIVITY = {
    **dict.fromkeys(("F1", "P1", "F2", "P2"), "education"),
    **dict.fromkeys(("F4", "P4"), "training"),
    **dict.fromkeys(("F3", "P3", "F5", "P5"), "employment"),
    **dict.fromkeys(("G4", "G5", "G6"), "NEET"),
}


def _day(value: object) -> date | None:
    if value is None or (isinstance(value, np.datetime64) and np.isnat(value)):
        return None
    return value.astype("datetime64[D]").astype(date)  # type: ignore[union-attr]


def _between(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(days=int(rng.integers(0, max((last - first).days, 0) + 1)))


@dataclass
class Child:
    child_id: str
    dob: date
    uasc: bool
    spells: list[tuple[date, date | None]]  # periods of care, (start, left)

    def on(self, day: date) -> bool:
        return any(s <= day and (e is None or e > day) for s, e in self.spells)

    def window(self, first: date, last: date) -> tuple[date, date] | None:
        """The first and last day looked after between `first` and `last`."""
        days = [
            (max(s, first), min(e - timedelta(days=1), last) if e else last)
            for s, e in self.spells
            if s <= last and (e is None or e > first)
        ]
        return (min(d[0] for d in days), max(d[1] for d in days)) if days else None


def school_years(world: World) -> list[int]:
    """The first calendar years of the school years the window overlaps (the last 3)."""

    def of(day: date) -> int:
        return day.year if day.month >= 9 else day.year - 1

    first, last = of(world.start), of(world.end)
    return list(range(max(first, last - 2), last + 1))


def group(dob: date, year: int) -> int:
    return year - (dob.year if dob.month >= 9 else dob.year - 1) - 5


def _phase(g: int) -> str:
    return "early_years" if g < 0 else "primary" if g <= 6 else "secondary" if g <= 11 else "post16"


def children(world: World) -> list[Child]:
    c, e = world.data["children"], world.data["cla_episodes"]
    dob = {k: _day(v) for k, v in zip(c["child_id"], c["dob"], strict=True)}
    uasc = {k: bool(v) for k, v in zip(c["child_id"], c["uasc"], strict=True)}
    episodes: dict[str, list[tuple[date, date | None]]] = {}
    for child, start, end, ls in zip(e["child_id"], e["decom"], e["dec"], e["ls"], strict=True):
        if ls in ("V3", "V4") or _day(start) is None:
            continue
        episodes.setdefault(child, []).append((_day(start), _day(end)))  # type: ignore[arg-type]
    found = []
    for child in sorted(episodes):
        spells: list[tuple[date, date | None]] = []
        for start, end in sorted(episodes[child]):
            if spells and (spells[-1][1] is None or start <= spells[-1][1]):
                last = spells[-1]
                if last[1] is not None and (end is None or end > last[1]):
                    spells[-1] = (last[0], end)
                continue
            spells.append((start, end))
        if dob.get(child) is not None:
            found.append(Child(child, dob[child], uasc.get(child, False), spells))  # type: ignore[arg-type]
    return found


def _schools(rng: np.random.Generator, world: World) -> dict[str, list[dict[str, object]]]:
    taken: set[str] = set()
    pool: dict[str, list[dict[str, object]]] = {}
    for phase, names in NAMES.items():
        pool[phase] = []
        for name in names:
            while (urn := f"{int(rng.integers(100000, 150000))}") in taken:
                pass
            taken.add(urn)
            graded = rng.random() < 0.95
            pool[phase].append(
                {
                    "SCHOOL": name,
                    "URN": urn,
                    "PHASE": phase.replace("_", " ").replace("post16", "post-16"),
                    "OFSTED": str(rng.choice(GRADES, p=GRADE_P)) if graded else None,
                    "OFSTED_DATE": _between(
                        rng, world.end - timedelta(days=4 * 365), world.end - timedelta(days=30)
                    )
                    if graded
                    else None,
                }
            )
    return pool


@dataclass
class Rows:
    schools: list[dict[str, object]]
    peps: list[dict[str, object]]
    attendance: list[dict[str, object]]
    exclusions: list[dict[str, object]]
    results: list[dict[str, object]]
    activity: list[dict[str, object]]


def _terms(year: int) -> list[tuple[str, date, date]]:
    return [
        ("autumn", date(year, 9, 1), date(year, 12, 31)),
        ("spring", date(year + 1, 1, 1), date(year + 1, 3, 31)),
        ("summer", date(year + 1, 4, 1), date(year + 1, 8, 31)),
    ]


def virtual_school_rows(world: World) -> Rows:
    rng = np.random.default_rng([world.seed, 21])
    pool = _schools(rng, world)
    years = school_years(world)
    rows = Rows([], [], [], [], [], [])
    for child in children(world):
        _child_rows(rng, world, child, years, pool, rows)
    _care_leaver_activity(rng, world, years, rows)
    rows.exclusions = _unique(rows.exclusions, ("CHILD", "TYPE", "EXCLUDED_ON"))
    rows.activity = _unique(rows.activity, ("CHILD", "AS_AT"))
    return rows


def _child_rows(
    rng: np.random.Generator,
    world: World,
    child: Child,
    years: list[int],
    pool: dict[str, list[dict[str, object]]],
    rows: Rows,
) -> None:
    placed: tuple[str, date] | None = None  # (phase, since)
    row: dict[str, object] | None = None  # the latest placement's row
    for index, year in enumerate(years):
        g = group(child.dob, year)
        last_day = min(date(year + 1, 8, 31), world.end)
        span = child.window(max(date(year, 9, 1), world.start), last_day)
        if span is None or not -1 <= g <= 13:
            continue
        phase = _phase(g)
        if row is not None and row.get("END") and row["END"] <= span[0]:  # type: ignore[operator]
            del row["END"]  # back in care: back on the Virtual School's roll
        if placed is None or placed[0] != phase:
            start = span[0] if placed is None else max(span[0], date(year, 9, 1))
            if phase == "post16" and child.uasc and placed is None:
                row = {"CHILD": child.child_id, "SCHOOL": TUITION, "PHASE": "other", "START": start}
                rows.schools.append(row)
                start += timedelta(days=int(rng.integers(60, 150)))
            if start <= span[1]:
                if row is not None:
                    row["END"] = start - timedelta(days=1)
                school = pool[phase][int(rng.integers(0, len(pool[phase])))]
                row = {"CHILD": child.child_id, **school, "START": start}
                rows.schools.append(row)
                placed = (phase, start)
        for name, first, last in _terms(year):
            if first > world.end or last < world.start:
                continue
            first = max(first, world.start)
            looked = child.window(first, min(last, world.end))
            if looked is None:
                continue
            (fm, fd), (tm, td) = TERM_DAYS[name]
            lo = max(date(first.year, fm, fd), looked[0] + timedelta(days=10))
            hi = min(date(first.year, tm, td), looked[1], world.end)
            if hi >= lo and rng.random() < 0.93:
                held = _between(rng, lo, hi)
                later = index > 0 or len(years) == 1
                grade = str(
                    rng.choice(
                        ["outstanding", "good", "requires improvement", "inadequate"],
                        p=PEP_P[later],
                    )
                )
                rows.peps.append(
                    {
                        "CHILD": child.child_id,
                        "PEP_DATE": held,
                        "GRADE": None if (world.end - held).days < 14 else grade,
                    }
                )
            ended = last <= world.end and child.on(last)
            if ended and 0 <= g <= 13:
                low = rng.random() < 0.16
                percent = 70 + rng.random() * 20 if low else 90.5 + rng.random() * 9.5
                rows.attendance.append(
                    {
                        "CHILD": child.child_id,
                        "YEAR": f"{year}-{(year + 1) % 100:02d}",
                        "TERM": name,
                        "ATTENDANCE": round(percent, 1),
                    }
                )
            if ended and g >= 12:
                rows.activity.append(
                    {
                        "CHILD": child.child_id,
                        "AS_AT": last,
                        "ACTIVITY": "NEET"
                        if rng.random() < 0.06
                        else str(
                            rng.choice(["education", "training", "employment"], p=[0.85, 0.1, 0.05])
                        ),
                    }
                )
        if 1 <= g <= 11 and rng.random() < (0.12 if g >= 7 else 0.04):
            for _ in range(int(rng.integers(1, 3))):
                rows.exclusions.append(
                    {
                        "CHILD": child.child_id,
                        "EXCLUDED_ON": _between(rng, span[0], span[1]),
                        "TYPE": "suspension",
                        "DAYS": float(rng.integers(1, 6)),
                        "REASON": REASONS[int(rng.integers(0, len(REASONS)))],
                    }
                )
            if g >= 7 and rng.random() < 0.05:
                rows.exclusions.append(
                    {
                        "CHILD": child.child_id,
                        "EXCLUDED_ON": _between(rng, span[0], span[1]),
                        "TYPE": "permanent",
                        "REASON": REASONS[2],
                    }
                )
        left = span[1] + timedelta(days=1)
        if row is not None and span[1] < last_day and left >= row["START"]:  # type: ignore[operator]
            row["END"] = left  # left care: the Virtual School's too
        if g in RESULT_AT and date(year + 1, 7, 31) <= world.end:
            stage, chance = RESULT_AT[g]
            reached = bool(rng.random() < chance)
            rows.results.append(
                {
                    "CHILD": child.child_id,
                    "YEAR": f"{year}-{(year + 1) % 100:02d}",
                    "KEY_STAGE": stage,
                    "EXPECTED": "Y" if reached else "N",
                    "ATTAINMENT8": round(float(np.clip(rng.normal(19 + 20 * reached, 9), 0, 90)), 1)
                    if stage == "KS4"
                    else None,
                }
            )


def _care_leaver_activity(
    rng: np.random.Generator, world: World, years: list[int], rows: Rows
) -> None:
    """Care leavers at their 18th birthday: the OC3's activity, now and then recorded
    differently (about one in ten)."""
    cl, c = world.data["care_leavers"], world.data["children"]
    dob = {k: _day(v) for k, v in zip(c["child_id"], c["dob"], strict=True)}
    wanted = {date(y + 1, 3, 31) for y in years}
    for child, ending, activity in zip(
        cl["child_id"], cl["year_ending"], cl["activity"], strict=True
    ):
        ending, born = _day(ending), dob.get(child)
        if ending not in wanted or born is None or activity not in OC3_ACTIVITY:
            continue
        birthday = (
            born.replace(year=born.year + 18)
            if (born.month, born.day) != (2, 29)
            else date(born.year + 18, 3, 1)
        )
        if not max(ending - timedelta(days=365), world.start) <= birthday <= min(ending, world.end):
            continue
        word = OC3_ACTIVITY[activity]
        if rng.random() < 0.1:
            word = "education" if word == "NEET" else "NEET"
        rows.activity.append({"CHILD": child, "AS_AT": birthday, "ACTIVITY": word})


def _unique(rows: list[dict[str, object]], key: tuple[str, ...]) -> list[dict[str, object]]:
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


def write_virtual_school(world: World, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rows = virtual_school_rows(world)
    return [
        _write(out / "virtual_school_schools.csv", SCHOOL_HEADINGS, rows.schools),
        _write(out / "virtual_school_peps.csv", PEP_HEADINGS, rows.peps),
        _write(out / "virtual_school_attendance.csv", ATTENDANCE_HEADINGS, rows.attendance),
        _write(out / "virtual_school_exclusions.csv", EXCLUSION_HEADINGS, rows.exclusions),
        _write(out / "virtual_school_results.csv", RESULT_HEADINGS, rows.results),
        _write(out / "virtual_school_activity.csv", ACTIVITY_HEADINGS, rows.activity),
    ]
