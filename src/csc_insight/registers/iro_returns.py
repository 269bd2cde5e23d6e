"""What the IRO service's figures take from the SSDA903 in a snapshot, never typed: each
looked-after review due and when it was held, children's participation in their reviews,
periods of care and placement moves.

- Reviews due: the rows of the catalogue's `cla_reviews_in_time_pct` (so the register and
  the dashboard agree): the first review due within 20 working days of a period of care
  starting, the second within 3 months of the first, later ones within 6 months of the one
  before; each review held, and the next one not yet held, with its due date. A first
  review that may have been held before the review data start has no due date (not judged).
- Participation: every review on file with its REVIEW_CODE (PN0-PN7).
- Periods of care: the catalogue's `cla_care_periods` (short breaks, V3 and V4, left out).
- Placement moves: a new placement (reason for new episode P or T) that is not a child's
  first episode on file, nor a temporary placement (T0-T4) or the return from one to the
  placement held before it (as `cla_placement_starts`); the reason is the SSDA903
  REASON_PLACE_CHANGE recorded on the episode the move ended.

`read()` is None when no snapshot is loaded or it holds no looked-after episode (no data,
never zero); `Returns.due` is None when the snapshot holds no reviews.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import duckdb

from csc_insight.indicators import coverage, engine
from csc_insight.indicators.catalogue import common_views, views_needed
from csc_insight.indicators.periods import Period
from csc_insight.indicators.settings import load_settings
from csc_insight.store import snapshots

REVIEWS_INDICATOR = "cla_reviews_in_time_pct"
# Every review on file: the engine joins each due date to this one period.
ALL_TIME = Period(date(1900, 1, 1), date(2099, 12, 31), "ytd", "all")
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")

MOVES_SQL = f"""
SELECT child_id, decom, prev_reason FROM (
    SELECT child_id, decom, rne, place, urn, pl_post,
           LAG(decom) OVER w AS prev_decom,
           LAG(reason_place_change) OVER w AS prev_reason,
           LAG(place) OVER w AS prev_place,
           LAG(place, 2) OVER w AS held_place,
           LAG(urn, 2) OVER w AS held_urn,
           LAG(pl_post, 2) OVER w AS held_pl_post
    FROM cla_episodes
    WHERE COALESCE(ls, '') NOT IN ('V3', 'V4')
    WINDOW w AS (PARTITION BY child_id ORDER BY decom)
) e
WHERE prev_decom IS NOT NULL AND rne IN ('P', 'T')
  AND COALESCE(place, '') NOT IN {TEMPORARY}
  AND NOT (COALESCE(prev_place, '') IN {TEMPORARY} AND place = held_place
           AND COALESCE(urn, '') = COALESCE(held_urn, '')
           AND COALESCE(pl_post, '') = COALESCE(held_pl_post, ''))
ORDER BY child_id, decom
"""


@dataclass(frozen=True)
class ReviewDue:
    """One review due in a period of care: held on `held` (None: not held in the data)."""

    child_id: str
    care_start: date
    care_end: date | None
    number: int
    due: date | None  # None: a first review that may predate the data (not judged)
    held: date | None

    @property
    def in_time(self) -> bool:
        return self.held is not None and self.due is not None and self.held <= self.due


@dataclass(frozen=True)
class Review:
    child_id: str
    held_on: date
    code: str | None  # PN0-PN7


@dataclass(frozen=True)
class CarePeriod:
    child_id: str
    start: date
    end: date | None  # None: still looked after

    def open_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end > day)

    def overlaps(self, year: Period) -> bool:
        return self.start <= year.end and (self.end is None or self.end >= year.start)


@dataclass(frozen=True)
class Move:
    child_id: str
    on: date  # the new placement's start
    reason: str | None  # REASON_PLACE_CHANGE of the placement it ended


@dataclass(frozen=True)
class Returns:
    snapshot_id: str | None
    first_day: date  # where the data start
    last_day: date  # how far the data run
    care: tuple[CarePeriod, ...]
    reviews: tuple[Review, ...]
    due: tuple[ReviewDue, ...] | None  # None: no reviews in the data
    moves: tuple[Move, ...]


def _day(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _with_views(sql: str) -> str:
    views = common_views()
    needed = views_needed(sql)
    if not needed:
        return sql
    return "WITH " + ", ".join(f"{name} AS ({views[name]})" for name in needed) + "\n" + sql


def _due_rows(con: object) -> tuple[ReviewDue, ...] | None:
    try:
        rows = engine.children(con, REVIEWS_INDICATOR, ALL_TIME)
    except LookupError:  # no reviews (or no episodes) in the data
        return None
    found = []
    for row in rows:
        ev = row.evidence
        found.append(
            ReviewDue(
                child_id=row.child_id,
                care_start=_day(ev["care_start"]),  # type: ignore[arg-type]
                care_end=None,  # filled from the periods of care below
                number=int(ev["review_no"]),
                due=_day(ev["due_date"]),
                held=_day(ev["review_date"]),
            )
        )
    return tuple(found)


def read(snapshot_id: str | None = None) -> Returns | None:
    """The looked-after children's reviews, periods of care and placement moves in the
    snapshot (the current one by default); None when none is loaded or it holds no
    looked-after episode. A published snapshot never changes, so what was read from it is
    kept for the next page, by its file (and the file's time, to be sure) and the
    indicator settings the review clock follows."""
    try:
        snap = snapshots.get(snapshot_id) if snapshot_id else snapshots.current()
    except snapshots.SnapshotError:
        return None
    settings = json.dumps(load_settings(), sort_keys=True, default=str)
    return _read(str(snap.path), snap.path.stat().st_mtime_ns, settings)


@lru_cache(maxsize=4)
def _read(path: str, _changed: int, _settings: str) -> Returns | None:
    with duckdb.connect(path, read_only=True) as con:
        (episodes,) = con.execute("SELECT count(*) FROM cla_episodes").fetchone()  # type: ignore[misc]
        if not episodes:
            return None
        backend = engine.as_backend(con)
        extent = coverage.data_extent(backend)
        care = tuple(
            CarePeriod(child, _day(start), _day(end))  # type: ignore[arg-type]
            for child, start, end in con.execute(
                _with_views(
                    "SELECT child_id, care_start, care_end FROM cla_care_periods "
                    "ORDER BY child_id, care_start"
                )
            ).fetchall()
        )
        reviews = tuple(
            Review(child, _day(day), code)  # type: ignore[arg-type]
            for child, day, code in con.execute(
                "SELECT child_id, review_date, review_code FROM cla_reviews "
                "ORDER BY child_id, review_date"
            ).fetchall()
        )
        due = _due_rows(con) if reviews else None
        moves = tuple(
            Move(child, _day(day), reason)  # type: ignore[arg-type]
            for child, day, reason in con.execute(MOVES_SQL).fetchall()
        )
        snapshot = snapshots.recorded_id(con)
    ends = {(p.child_id, p.start): p.end for p in care}
    if due is not None:
        due = tuple(
            ReviewDue(
                d.child_id,
                d.care_start,
                ends.get((d.child_id, d.care_start)),
                d.number,
                d.due,
                d.held,
            )
            for d in due
        )
    first = extent.first if extent else min(p.start for p in care)
    last = extent.last if extent else max(p.start for p in care)
    return Returns(snapshot, first, last, care, reviews, due, moves)


def child_in_data(child_id: str, snapshot_id: str | None = None) -> bool:
    """Whether the snapshot knows the child at all (any return)."""
    try:
        with snapshots.connect(snapshot_id) as con:
            found = con.execute(
                "SELECT count(*) FROM children WHERE child_id = ?", [child_id]
            ).fetchone()
    except snapshots.SnapshotError:
        return False
    return bool(found and found[0])


# --- a year's figures ---------------------------------------------------------------------

PARTICIPATED = ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6")  # the child's views were conveyed
UNDER_FOUR = "PN0"


@dataclass(frozen=True)
class ReturnsYear:
    """One financial year from the returns. `covered` is False when the data do not reach
    into the year at all (its figures are then no data, not zero)."""

    year: Period
    covered: bool
    due: tuple[ReviewDue, ...] | None  # due in the year, by the data's last day
    reviews: tuple[Review, ...]  # held in the year
    moves: tuple[Move, ...]  # placement moves in the year
    looked_after: frozenset[str]  # children looked after at some time in the year
    last_late: date | None  # the latest due date, by the year's end, of a review not in time

    @property
    def in_time(self) -> int | None:
        return None if self.due is None else sum(1 for d in self.due if d.in_time)

    @property
    def aged_four_plus(self) -> tuple[Review, ...]:
        return tuple(r for r in self.reviews if r.code != UNDER_FOUR)

    @property
    def participated(self) -> int:
        return sum(1 for r in self.reviews if r.code in PARTICIPATED)

    def by_code(self, codes: Sequence[str | None]) -> list[int]:
        return [sum(1 for r in self.reviews if r.code == c) for c in codes]

    @property
    def children_moved(self) -> int:
        return len({m.child_id for m in self.moves})


def in_year(day: date, year: Period) -> bool:
    return year.start <= day <= year.end


def year_of(returns: Returns, year: Period) -> ReturnsYear:
    covered = year.end >= returns.first_day and year.start <= returns.last_day
    until = min(year.end, returns.last_day)
    due = (
        None
        if returns.due is None
        else tuple(d for d in returns.due if d.due is not None and year.start <= d.due <= until)
    )
    late = [
        d.due for d in returns.due or () if d.due is not None and d.due <= until and not d.in_time
    ]
    return ReturnsYear(
        year=year,
        covered=covered,
        due=due,
        reviews=tuple(r for r in returns.reviews if in_year(r.held_on, year)),
        moves=tuple(m for m in returns.moves if in_year(m.on, year)),
        looked_after=frozenset(p.child_id for p in returns.care if p.overlaps(year)),
        last_late=max(late) if late else None,
    )
