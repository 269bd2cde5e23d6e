"""The Virtual School register (seed 003 item 8, the Virtual School Headteacher's annual
report): school years and terms, year groups and key stages from the date of birth, each
child's records as at a day, and the alerts.

School year: 1 September to 31 August, named as the paper names it ('2019-20'). Terms:
autumn (September-December), spring (January-March) and summer (April-August), so a day
always falls in one; three PEPs a year is one a term.

Year group from the date of birth (England's rule: a child born from 1 September to 31
August starts Reception in the September after their fourth birthday): Nursery (-1,
aged 3 on 31 August), Reception (0), Years 1-13. The Virtual School's cohort is the children
looked after (SSDA903, virtual_school_cohort.py) from Nursery to Year 13; "of school age"
below means Reception to Year 13, for the PEP is kept until the end of the school year in
which the young person turns 18.

Alerts, as at a day (`on`; later records are not yet known):
- `no_pep`: looked after and of school age on `on`, with no PEP dated in the term so far,
  once the child has been looked after for 20 working days (the first PEP is part of the
  care plan, due by the first review at 20 working days);
- `pep_below_good`: the latest PEP was graded Requires improvement or Inadequate (the
  Headteacher's goal: none below good);
- `attendance_low`: the latest attendance recorded for the school year holding `on` is 90%
  or less, i.e. persistent absence (missing 10% or more of possible sessions, as the DfE
  defines it);
- `excluded_recently`: a suspension or permanent exclusion dated in the last 30 days
  (`on` and the 29 days before);
- `school_below_good`: the school the child is on the roll of on `on` was last graded
  Requires improvement or Inadequate by Ofsted.
The last four need no data loaded; `no_pep` needs to know who is looked after.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from csc_insight.registers.lado import working_day_after

GRADES = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
BELOW_GOOD = frozenset({"requires_improvement", "inadequate"})
TERMS = ("autumn", "spring", "summer")
PERSISTENT_ABSENCE = 90.0  # attendance at or below this is persistent absence
RECENT_DAYS = 30
FIRST_PEP_WORKING_DAYS = 20
NURSERY, RECEPTION, LAST_YEAR_GROUP = -1, 0, 13
KEY_STAGES = {
    "early_years": "Early years (Nursery and Reception)",
    "ks1": "Key stage 1 (Years 1-2)",
    "ks2": "Key stage 2 (Years 3-6)",
    "ks3": "Key stage 3 (Years 7-9)",
    "ks4": "Key stage 4 (Years 10-11)",
    "post16": "Post-16 (Years 12-13)",
}
ALERTS = {
    "no_pep": "No PEP this term",
    "pep_below_good": "Latest PEP graded below good",
    "attendance_low": "Attendance 90% or less (persistent absence)",
    "excluded_recently": "Suspended or excluded in the last 30 days",
    "school_below_good": "School graded Requires improvement or Inadequate",
}


class SchoolYearError(ValueError):
    """Not a school year such as 2019-20."""


@dataclass(frozen=True, order=True)
class SchoolYear:
    first: int  # the calendar year of its September

    @property
    def start(self) -> date:
        return date(self.first, 9, 1)

    @property
    def end(self) -> date:
        return date(self.first + 1, 8, 31)

    @property
    def label(self) -> str:
        return f"{self.first}-{(self.first + 1) % 100:02d}"

    def before(self) -> SchoolYear:
        return SchoolYear(self.first - 1)

    def terms(self) -> list[SchoolTerm]:
        return [
            SchoolTerm(self, "autumn", self.start, date(self.first, 12, 31)),
            SchoolTerm(self, "spring", date(self.first + 1, 1, 1), date(self.first + 1, 3, 31)),
            SchoolTerm(self, "summer", date(self.first + 1, 4, 1), self.end),
        ]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class SchoolTerm:
    year: SchoolYear
    name: str  # autumn, spring, summer
    start: date
    end: date

    @property
    def label(self) -> str:
        """'Autumn term 2019' (the calendar year it is mostly in)."""
        return f"{self.name.capitalize()} term {self.start.year}"


def school_year_of(day: date) -> SchoolYear:
    return SchoolYear(day.year if day.month >= 9 else day.year - 1)


def term_of(day: date) -> SchoolTerm:
    return next(t for t in school_year_of(day).terms() if t.start <= day <= t.end)


def parse_school_year(text: str) -> SchoolYear:
    """'2019-20' as the school year 1 September 2019 - 31 August 2020."""
    parts = text.strip().split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
        first = int(parts[0])
        if len(parts[1]) == 2 and int(parts[1]) == (first + 1) % 100 and 1900 <= first < 2100:
            return SchoolYear(first)
    raise SchoolYearError(f"A school year is written 2019-20, September to August (found {text!r})")


def year_group(dob: date, year: SchoolYear) -> int:
    """The national curriculum year in `year` of a child born on `dob` (Reception 0,
    Nursery -1; below that, younger)."""
    born = dob.year if dob.month >= 9 else dob.year - 1  # the school year of the birth
    return year.first - born - 5


def year_group_label(group: int) -> str:
    return {NURSERY: "Nursery", RECEPTION: "Reception"}.get(group, f"Year {group}")


def key_stage(group: int) -> str | None:
    """The key of KEY_STAGES for a year group, None outside Nursery to Year 13."""
    if group < NURSERY or group > LAST_YEAR_GROUP:
        return None
    for limit, stage in ((0, "early_years"), (2, "ks1"), (6, "ks2"), (9, "ks3"), (11, "ks4")):
        if group <= limit:
            return stage
    return "post16"


def of_school_age(group: int | None) -> bool:
    return group is not None and RECEPTION <= group <= LAST_YEAR_GROUP


# --- a child's records ---------------------------------------------------------------------


@dataclass(frozen=True)
class School:
    name: str
    urn: str = ""
    phase: str = ""
    grade: str = ""  # a key of GRADES, or '' (not yet inspected)
    graded_on: date | None = None
    school_id: int | None = None

    @property
    def grade_label(self) -> str:
        return GRADES.get(self.grade, "Not yet inspected")


@dataclass(frozen=True)
class Placement:
    school: School
    start: date
    end: date | None = None

    def on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class Pep:
    held_on: date
    grade: str = ""  # a key of GRADES, or '' (not graded)


@dataclass(frozen=True)
class Attendance:
    year: str  # 2019-20
    term: str  # autumn, spring, summer
    percent: float

    @property
    def order(self) -> tuple[str, int]:
        return self.year, TERMS.index(self.term)


@dataclass(frozen=True)
class Exclusion:
    start: date
    kind: str  # suspension, permanent
    days: float | None = None


@dataclass(frozen=True)
class Result:
    year: str
    key_stage: str  # eyfs, ks1, ks2, ks4
    expected: bool | None = None
    attainment8: float | None = None


@dataclass(frozen=True)
class ActivityRecord:
    recorded_on: date
    activity: str  # education, training, employment, neet

    @property
    def neet(self) -> bool:
        return self.activity == "neet"


@dataclass(frozen=True)
class CareSpell:
    """A period of care from the SSDA903: from `start` until the child left on `end`
    (None: still looked after)."""

    start: date
    end: date | None = None

    def on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end > day)

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and (self.end is None or self.end > first)


@dataclass(frozen=True)
class LookedAfter:
    """What the snapshot says of a child: date of birth, asylum-seeking, periods of care."""

    child_id: str
    dob: date | None
    uasc: bool = False
    spells: tuple[CareSpell, ...] = ()

    def spell_on(self, day: date) -> CareSpell | None:
        return next((s for s in self.spells if s.on(day)), None)

    def during(self, first: date, last: date) -> bool:
        return any(s.overlaps(first, last) for s in self.spells)


@dataclass(frozen=True)
class ChildRecords:
    child_id: str
    placements: tuple[Placement, ...] = ()
    peps: tuple[Pep, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    results: tuple[Result, ...] = ()
    activities: tuple[ActivityRecord, ...] = ()

    def school_on(self, day: date) -> Placement | None:
        """The latest placement the child is on the roll of on `day`."""
        here = [p for p in self.placements if p.on(day)]
        return max(here, key=lambda p: p.start) if here else None

    def latest_pep(self, on: date) -> Pep | None:
        known = [p for p in self.peps if p.held_on <= on]
        return max(known, key=lambda p: p.held_on) if known else None

    def peps_between(self, first: date, last: date) -> list[Pep]:
        return sorted((p for p in self.peps if first <= p.held_on <= last), key=lambda p: p.held_on)

    def attendance_in(self, year: SchoolYear, on: date | None = None) -> list[Attendance]:
        """The year's termly figures, in term order (up to the term holding `on`)."""
        last = TERMS.index(term_of(on).name) if on is not None and on in year else 2
        found = [a for a in self.attendance if a.year == year.label and TERMS.index(a.term) <= last]
        return sorted(found, key=lambda a: a.order)

    def year_attendance(self, year: SchoolYear) -> float | None:
        """The year's attendance: the mean of its terms' figures; None when none."""
        terms = self.attendance_in(year)
        return sum(a.percent for a in terms) / len(terms) if terms else None

    def latest_activity(self, first: date, last: date) -> ActivityRecord | None:
        known = [a for a in self.activities if first <= a.recorded_on <= last]
        return max(known, key=lambda a: a.recorded_on) if known else None

    @property
    def empty(self) -> bool:
        return not (
            self.placements
            or self.peps
            or self.attendance
            or self.exclusions
            or self.results
            or self.activities
        )


# --- alerts ----------------------------------------------------------------------------


def no_pep(records: ChildRecords, looked_after: LookedAfter | None, on: date) -> bool:
    if looked_after is None or looked_after.dob is None:
        return False
    spell = looked_after.spell_on(on)
    if spell is None or not of_school_age(year_group(looked_after.dob, school_year_of(on))):
        return False
    if on <= working_day_after(spell.start, FIRST_PEP_WORKING_DAYS):
        return False
    return not records.peps_between(term_of(on).start, on)


def pep_below_good(records: ChildRecords, on: date) -> bool:
    latest = records.latest_pep(on)
    return latest is not None and latest.grade in BELOW_GOOD


def attendance_low(records: ChildRecords, on: date) -> bool:
    terms = records.attendance_in(school_year_of(on), on)
    return bool(terms) and terms[-1].percent <= PERSISTENT_ABSENCE


def excluded_recently(records: ChildRecords, on: date) -> bool:
    first = on - timedelta(days=RECENT_DAYS - 1)
    return any(first <= e.start <= on for e in records.exclusions)


def school_below_good(records: ChildRecords, on: date) -> bool:
    placement = records.school_on(on)
    return placement is not None and placement.school.grade in BELOW_GOOD


@dataclass(frozen=True)
class ChildState:
    """A child as at a day: the records, what the snapshot says, the alerts."""

    records: ChildRecords
    looked_after: LookedAfter | None  # None: not in the snapshot, or nothing loaded
    on: date
    alerts: tuple[str, ...] = field(default=())

    @property
    def child_id(self) -> str:
        return self.records.child_id

    @property
    def year_group(self) -> int | None:
        la = self.looked_after
        return None if la is None or la.dob is None else year_group(la.dob, school_year_of(self.on))

    @property
    def key_stage(self) -> str | None:
        group = self.year_group
        return None if group is None else key_stage(group)

    @property
    def in_care(self) -> bool | None:
        """Looked after on the day (None: the child is not in the snapshot)."""
        return (
            None if self.looked_after is None else self.looked_after.spell_on(self.on) is not None
        )

    @property
    def school(self) -> Placement | None:
        return self.records.school_on(self.on)

    @property
    def latest_pep(self) -> Pep | None:
        return self.records.latest_pep(self.on)

    @property
    def pep_this_term(self) -> Pep | None:
        peps = self.records.peps_between(term_of(self.on).start, self.on)
        return peps[-1] if peps else None

    @property
    def attendance(self) -> Attendance | None:
        terms = self.records.attendance_in(school_year_of(self.on), self.on)
        return terms[-1] if terms else None


def with_alerts(records: ChildRecords, looked_after: LookedAfter | None, on: date) -> ChildState:
    alerts = [
        name
        for name, fired in (
            ("no_pep", no_pep(records, looked_after, on)),
            ("pep_below_good", pep_below_good(records, on)),
            ("attendance_low", attendance_low(records, on)),
            ("excluded_recently", excluded_recently(records, on)),
            ("school_below_good", school_below_good(records, on)),
        )
        if fired
    ]
    return ChildState(records, looked_after, on, tuple(alerts))


def alert_counts(states: Iterable[ChildState]) -> dict[str, int]:
    counts = dict.fromkeys(ALERTS, 0)
    for state in states:
        for alert in state.alerts:
            counts[alert] += 1
    return counts


def as_at(records: ChildRecords, on: date) -> ChildRecords:
    """The records known on `on` (later ones left out)."""
    return replace(
        records,
        placements=tuple(p for p in records.placements if p.start <= on),
        peps=tuple(p for p in records.peps if p.held_on <= on),
        exclusions=tuple(e for e in records.exclusions if e.start <= on),
        activities=tuple(a for a in records.activities if a.recorded_on <= on),
    )
