"""Children missing from home and care: the register joined with the episodes already
loaded (SSDA903 Missing and the local extras), and the alerts the City's protocol sets.

One episode is one child and start date, wherever it was recorded: a register entry and a
loaded episode with the same child and start date are shown once, as one episode.

Alerts, on a given day (`on`), for each episode:
- `rhi_late`: returned, and no return interview offered within 72 hours (3 days) of the
  return: offered after returned + 3 days, or not offered and `on` is past returned + 3 days.
- `lead_member`: missing more than 7 days (to the return, or to `on` while still missing)
  and no Lead Member notification recorded.
- `third_in_90`: the child's third (or later) episode starting within 90 days (this one's
  start and the 89 days before it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from csc_insight.store import snapshots

RHI_DAYS = 3  # 72 hours
LEAD_MEMBER_DAYS = 7
REPEAT_WINDOW_DAYS = 90
REPEAT_COUNT = 3

ALERTS = {
    "rhi_late": "No return interview offered within 72 hours",
    "lead_member": "Missing more than 7 days and the Lead Member not notified",
    "third_in_90": "Third episode in 90 days",
}

# Where an episode was recorded.
REGISTER = "Register"
LOADED = "Loaded returns"
BOTH = "Register and loaded returns"


@dataclass(frozen=True)
class Episode:
    """One episode, from the register, the loaded returns or both."""

    child_id: str
    start: date
    returned_on: date | None = None
    rhi_offered_on: date | None = None
    rhi_offered: bool | None = None  # loaded returns give a flag, not a date
    rhi_accepted: bool | None = None
    rhi_held_on: date | None = None
    lead_member_notified_on: date | None = None
    missing_from: str = ""
    source: str = REGISTER
    register_id: int | None = None
    alerts: tuple[str, ...] = field(default=())

    def days_missing(self, on: date) -> int:
        return ((self.returned_on or on) - self.start).days


def from_model(row: Any) -> Episode:
    """The register's model row as an Episode."""
    return Episode(
        child_id=row.child_id,
        start=row.start,
        returned_on=row.returned_on,
        rhi_offered_on=row.rhi_offered_on,
        rhi_offered=True if row.rhi_offered_on else None,
        rhi_accepted=row.rhi_accepted,
        rhi_held_on=row.rhi_held_on,
        lead_member_notified_on=row.lead_member_notified_on,
        missing_from=row.missing_from,
        source=REGISTER,
        register_id=row.pk,
    )


def loaded_episodes(
    child_id: str | None = None, snapshot_id: str | None = None
) -> list[Episode] | None:
    """The episodes in the snapshot's `missing_episodes` (SSDA903 Missing merged with the
    local extras); None when there is no snapshot."""
    try:
        with snapshots.connect(snapshot_id) as con:
            sql = (
                "SELECT child_id, start_date, end_date, rhi_offered, rhi_accepted, rhi_date "
                "FROM missing_episodes WHERE start_date IS NOT NULL"
            )
            params: list[object] = []
            if child_id is not None:
                sql += " AND child_id = ?"
                params.append(child_id)
            rows = con.execute(sql + " ORDER BY child_id, start_date", params).fetchall()
    except snapshots.SnapshotError:
        return None
    return [
        Episode(
            child_id=c,
            start=s,
            returned_on=e,
            rhi_offered=o,
            rhi_accepted=a,
            rhi_held_on=h,
            source=LOADED,
        )
        for c, s, e, o, a, h in rows
    ]


def merged(register: Iterable[Episode], loaded: Iterable[Episode]) -> list[Episode]:
    """One episode per child and start date: the register's entry (marked BOTH when the
    returns hold it too), filled from the loaded episode where the register is blank."""
    by_key: dict[tuple[str, date], Episode] = {}
    for ep in loaded:
        by_key.setdefault((ep.child_id, ep.start), ep)
    out: dict[tuple[str, date], Episode] = {}
    for ep in register:
        key = (ep.child_id, ep.start)
        other = by_key.pop(key, None)
        if other is not None:
            ep = replace(
                ep,
                source=BOTH,
                returned_on=ep.returned_on or other.returned_on,
                rhi_offered=ep.rhi_offered if ep.rhi_offered is not None else other.rhi_offered,
                rhi_accepted=(
                    ep.rhi_accepted if ep.rhi_accepted is not None else other.rhi_accepted
                ),
                rhi_held_on=ep.rhi_held_on or other.rhi_held_on,
            )
        out[key] = ep
    out.update(by_key)
    return sorted(out.values(), key=lambda e: (e.start, e.child_id), reverse=True)


def rhi_late(ep: Episode, on: date) -> bool:
    if ep.returned_on is None:
        return False
    deadline = ep.returned_on + timedelta(days=RHI_DAYS)
    if ep.rhi_offered_on is not None:
        return ep.rhi_offered_on > deadline
    if ep.rhi_offered:  # the returns say offered, without a date: not late that we know
        return False
    return on > deadline


def lead_member_due(ep: Episode, on: date) -> bool:
    return ep.days_missing(on) > LEAD_MEMBER_DAYS and ep.lead_member_notified_on is None


def repeat_starts(episodes: Sequence[Episode]) -> set[tuple[str, date]]:
    """(child, start) of each episode that is the third or later within 90 days."""
    starts: dict[str, list[date]] = defaultdict(list)
    for ep in episodes:
        starts[ep.child_id].append(ep.start)
    found: set[tuple[str, date]] = set()
    for child, days in starts.items():
        days.sort()
        for i, day in enumerate(days):
            window = day - timedelta(days=REPEAT_WINDOW_DAYS - 1)
            if sum(1 for d in days[: i + 1] if d >= window) >= REPEAT_COUNT:
                found.add((child, day))
    return found


def with_alerts(episodes: Sequence[Episode], on: date) -> list[Episode]:
    """The episodes, each with the alerts that apply on `on`."""
    repeats = repeat_starts(episodes)
    out = []
    for ep in episodes:
        alerts = []
        if rhi_late(ep, on):
            alerts.append("rhi_late")
        if lead_member_due(ep, on):
            alerts.append("lead_member")
        if (ep.child_id, ep.start) in repeats:
            alerts.append("third_in_90")
        out.append(replace(ep, alerts=tuple(alerts)))
    return out


def alert_counts(episodes: Iterable[Episode]) -> dict[str, int]:
    counts = dict.fromkeys(ALERTS, 0)
    for ep in episodes:
        for alert in ep.alerts:
            counts[alert] += 1
    return counts
