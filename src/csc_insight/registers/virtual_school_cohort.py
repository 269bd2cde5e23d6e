"""Who the Virtual School is for, from the SSDA903 in a snapshot, never typed: the children
looked after at some time between two days, with their date of birth, whether they came as
unaccompanied asylum seekers and their periods of care; and the care leavers' OC3 activity
for the NEET cross-check.

A period of care runs from an episode's start (DECOM) through the episodes that follow on
the same day to the last one's end (DEC, the day the child left; open: still looked after),
as the indicators' `cla_care_periods` reads them. Short breaks (legal status V3, V4) are
not care for this purpose, as in the DfE's statistics. A child is in the cohort on a day
when looked after that day and in Nursery to Year 13 (virtual_school.key_stage).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from csc_insight.registers.virtual_school import (
    CareSpell,
    LookedAfter,
    SchoolYear,
    key_stage,
    year_group,
)
from csc_insight.store import snapshots

NEET_CODES = frozenset({"G4", "G5", "G6"})  # OC3 ACTIV: not in education, employment, training


def _spells(episodes: list[tuple[date, date | None]]) -> tuple[CareSpell, ...]:
    spells: list[CareSpell] = []
    for start, end in sorted(episodes, key=lambda e: e[0]):
        last = spells[-1] if spells else None
        if last is not None and (last.end is None or start <= last.end):
            if last.end is not None and (end is None or end > last.end):
                spells[-1] = CareSpell(last.start, end)
            continue
        spells.append(CareSpell(start, end))
    return tuple(spells)


def looked_after(
    first: date, last: date, snapshot_id: str | None = None, child_id: str | None = None
) -> dict[str, LookedAfter] | None:
    """Child id -> what the snapshot says of each child looked after on some day from
    `first` to `last` (any age), or only `child_id`; None when no snapshot is loaded."""
    try:
        with snapshots.connect(snapshot_id) as con:
            rows = con.execute(
                """
                WITH wanted AS (
                    SELECT DISTINCT child_id FROM cla_episodes
                    WHERE decom <= ? AND (dec IS NULL OR dec > ?)
                      AND COALESCE(ls, '') NOT IN ('V3', 'V4')
                      AND (CAST(? AS VARCHAR) IS NULL OR child_id = ?)
                ),
                facts AS (
                    SELECT child_id, MAX(dob) AS dob, COALESCE(BOOL_OR(uasc), FALSE) AS uasc
                    FROM children WHERE child_id IN (SELECT child_id FROM wanted)
                    GROUP BY child_id
                )
                SELECT e.child_id, e.decom, e.dec, f.dob, COALESCE(f.uasc, FALSE)
                FROM cla_episodes e
                JOIN wanted w ON w.child_id = e.child_id
                LEFT JOIN facts f ON f.child_id = e.child_id
                WHERE COALESCE(e.ls, '') NOT IN ('V3', 'V4')
                ORDER BY e.child_id, e.decom
                """,
                [last, first, child_id, child_id],
            ).fetchall()
    except snapshots.SnapshotError:
        return None
    episodes: dict[str, list[tuple[date, date | None]]] = {}
    facts: dict[str, tuple[date | None, bool]] = {}
    for child, decom, dec, dob, uasc in rows:
        episodes.setdefault(child, []).append((decom, dec))
        facts[child] = (dob, bool(uasc))
    return {
        child: LookedAfter(child, facts[child][0], facts[child][1], _spells(eps))
        for child, eps in episodes.items()
    }


def cohort(
    found: dict[str, LookedAfter], year: SchoolYear, first: date, last: date
) -> dict[str, LookedAfter]:
    """Those of `found` looked after from `first` to `last` and in Nursery to Year 13 in
    `year` (a child with no date of birth cannot be placed in a year group: left out)."""
    return {
        child: la
        for child, la in found.items()
        if la.dob is not None
        and key_stage(year_group(la.dob, year)) is not None
        and la.during(first, last)
    }


def oc3_activity(
    child_ids: Iterable[str], year_ending: date, snapshot_id: str | None = None
) -> dict[str, str] | None:
    """Child id -> the OC3 activity code in the collection year ending `year_ending` (31
    March), for those with one; None when no snapshot is loaded."""
    wanted = sorted(set(child_ids))
    try:
        with snapshots.connect(snapshot_id) as con:
            if not wanted:
                return {}
            rows = con.execute(
                "SELECT child_id, MAX(activity) FROM care_leavers "
                "WHERE year_ending = ? AND activity IS NOT NULL "
                "AND list_contains(?, child_id) GROUP BY child_id",
                [year_ending, wanted],
            ).fetchall()
    except snapshots.SnapshotError:
        return None
    return {child: activity for child, activity in rows}


def dates_of_birth(
    child_ids: Iterable[str], snapshot_id: str | None = None
) -> dict[str, date] | None:
    """Child id -> date of birth, for those the snapshot knows; None when nothing loaded."""
    wanted = sorted(set(child_ids))
    try:
        with snapshots.connect(snapshot_id) as con:
            if not wanted:
                return {}
            rows = con.execute(
                "SELECT child_id, MAX(dob) FROM children WHERE list_contains(?, child_id) "
                "AND dob IS NOT NULL GROUP BY child_id",
                [wanted],
            ).fetchall()
    except snapshots.SnapshotError:
        return None
    return dict(rows)


def in_snapshot(child_id: str, snapshot_id: str | None = None) -> bool:
    """Whether the snapshot has the child (False when none is loaded)."""
    try:
        with snapshots.connect(snapshot_id) as con:
            found = con.execute(
                "SELECT count(*) FROM children WHERE child_id = ?", [child_id]
            ).fetchone()
    except snapshots.SnapshotError:
        return False
    return bool(found and found[0])
