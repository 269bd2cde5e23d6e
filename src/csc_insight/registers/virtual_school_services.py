"""What the Virtual School pages and commands do, in one place: the register's records by
child, the cohort as at a day (the looked-after children in Nursery to Year 13, from the
snapshot) with each child's school, PEPs, attendance and alerts, one child's page, and the
command-line list with its one access-log event.

With a snapshot loaded, alerts are worked out for the children looked after on the day.
With none, who is looked after is not known: every child with a record in the school year
is shown, with every alert but `no_pep` (which needs the child's age and care)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from csc_insight.registers import virtual_school as vs
from csc_insight.registers.services import today
from csc_insight.registers.virtual_school_cohort import (
    cohort,
    dates_of_birth,
    in_snapshot,
    looked_after,
)
from csc_insight.registers.virtual_school_models import (
    VsActivity,
    VsAttendance,
    VsExclusion,
    VsPep,
    VsPlacement,
    VsResult,
)

FAR_BACK = date(1900, 1, 1)


def school_of(row: VsPlacement) -> vs.School:
    s = row.school
    return vs.School(s.name, s.urn, s.phase, s.ofsted_grade, s.ofsted_date, s.pk)


def records_by_child(child_id: str | None = None) -> dict[str, vs.ChildRecords]:
    """Every child's records in the register (or one child's)."""
    found: dict[str, dict[str, list]] = {}

    def rows(model: type) -> Iterable:
        query = model.objects.all()
        return query if child_id is None else query.filter(child_id=child_id)

    def add(child: str, kind: str, item: object) -> None:
        found.setdefault(child, {}).setdefault(kind, []).append(item)

    for p in rows(VsPlacement).select_related("school"):
        add(p.child_id, "placements", vs.Placement(school_of(p), p.start, p.end))
    for r in rows(VsPep):
        add(r.child_id, "peps", vs.Pep(r.held_on, r.grade))
    for r in rows(VsAttendance):
        add(r.child_id, "attendance", vs.Attendance(r.year, r.term, r.percent))
    for r in rows(VsExclusion):
        add(r.child_id, "exclusions", vs.Exclusion(r.start, r.kind, r.days))
    for r in rows(VsResult):
        add(r.child_id, "results", vs.Result(r.year, r.key_stage, r.expected, r.attainment8))
    for r in rows(VsActivity):
        add(r.child_id, "activities", vs.ActivityRecord(r.recorded_on, r.activity))
    return {
        child: vs.ChildRecords(child, **{k: tuple(v) for k, v in kinds.items()})
        for child, kinds in found.items()
    }


def _in_year(records: vs.ChildRecords, year: vs.SchoolYear) -> bool:
    """Any PEP, attendance, exclusion, result or activity dated (or for) the school year
    (a school placement alone is not: a child stays on a roll after leaving care)."""
    return (
        any(p.held_on in year for p in records.peps)
        or any(a.year == year.label for a in records.attendance)
        or any(e.start in year for e in records.exclusions)
        or any(r.year == year.label for r in records.results)
        or any(a.recorded_on in year for a in records.activities)
    )


@dataclass(frozen=True)
class VirtualSchoolView:
    cohort: list[vs.ChildState]  # looked after on `on`, Nursery to Year 13, with alerts
    others: list[vs.ChildState]  # on the register with a record this school year, not above
    cohort_known: bool  # False: no data loaded
    on: date

    @property
    def year(self) -> vs.SchoolYear:
        return vs.school_year_of(self.on)

    @property
    def term(self) -> vs.SchoolTerm:
        return vs.term_of(self.on)

    @property
    def alert_counts(self) -> dict[str, int]:
        return vs.alert_counts(self.cohort + self.others)

    @property
    def child_ids(self) -> list[str]:
        return [s.child_id for s in self.cohort + self.others]

    def by_key_stage(self) -> list[tuple[str, int]]:
        """(key stage label, children in the cohort) in key stage order."""
        return [
            (label, sum(1 for s in self.cohort if s.key_stage == stage))
            for stage, label in vs.KEY_STAGES.items()
        ]

    @property
    def uasc(self) -> int:
        return sum(1 for s in self.cohort if s.looked_after and s.looked_after.uasc)

    @property
    def peps_this_term(self) -> int:
        return sum(1 for s in self.cohort if s.pep_this_term is not None)

    @property
    def of_school_age(self) -> int:
        return sum(1 for s in self.cohort if vs.of_school_age(s.year_group))


def _order(state: vs.ChildState) -> tuple[int, str]:
    return (-(state.year_group if state.year_group is not None else -99), state.child_id)


def virtual_school_view(
    on: date | None = None, snapshot_id: str | None = None
) -> VirtualSchoolView:
    """The cohort on `on` with alerts, and the others on the register this school year."""
    on = on or today()
    year = vs.school_year_of(on)
    records = {c: vs.as_at(r, on) for c, r in records_by_child().items()}
    found = looked_after(on, on, snapshot_id)
    if found is None:
        others = [vs.with_alerts(r, None, on) for r in records.values() if _in_year(r, year)]
        return VirtualSchoolView([], sorted(others, key=_order), False, on)
    members = cohort(found, year, on, on)
    states = [
        vs.with_alerts(records.get(child, vs.ChildRecords(child)), la, on)
        for child, la in members.items()
    ]
    rest = {c: r for c, r in records.items() if c not in members and _in_year(r, year)}
    born = dates_of_birth(rest, snapshot_id) or {}
    others = [
        vs.ChildState(r, found.get(c) or (vs.LookedAfter(c, born[c]) if c in born else None), on)
        for c, r in rest.items()
    ]
    return VirtualSchoolView(sorted(states, key=_order), sorted(others, key=_order), True, on)


def child_state(
    child_id: str, on: date | None = None, snapshot_id: str | None = None
) -> tuple[vs.ChildState, bool]:
    """One child as at `on` with alerts (as the list shows them), and whether anything is
    known of the child (a record, or the snapshot has the child)."""
    on = on or today()
    records = vs.as_at(records_by_child(child_id).get(child_id, vs.ChildRecords(child_id)), on)
    found = looked_after(FAR_BACK, on, snapshot_id, child_id)
    la = (found or {}).get(child_id)
    in_cohort = bool(la is not None and cohort({child_id: la}, vs.school_year_of(on), on, on))
    if in_cohort or found is None:
        state = vs.with_alerts(records, la, on)
    else:
        state = vs.ChildState(records, la, on)
    return state, not records.empty or in_snapshot(child_id, snapshot_id)


def for_command(
    username: str, include_restricted: bool = False, on: date | None = None
) -> tuple[VirtualSchoolView, frozenset[str]]:
    """`registers list virtual-school`: the view and the restricted ids to mask; one
    access-log event with every child id printed."""
    from django.contrib.auth import get_user_model

    from csc_insight.access.accesslog.record import record_command
    from csc_insight.access.restricted.access import restricted_ids

    view = virtual_school_view(on)
    masked = frozenset() if include_restricted else restricted_ids()
    shown = [c for c in view.child_ids if c not in masked]
    known = get_user_model().objects.filter(username__iexact=username).first()
    record_command(
        username,
        known.pk if known else None,
        "registers list virtual-school",
        shown,
        reason=f"virtual school register: {len(shown)} of {len(view.child_ids)} children "
        "shown" + (", restricted records included" if include_restricted else ""),
    )
    return view, masked
