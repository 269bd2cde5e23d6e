"""A school year's figures for the Virtual School Headteacher's annual report, counted in
Python from the register and the snapshot (children, never names).

The year runs to `as_at`: its last day, or today while it is still going on. Its children
(the cohort): looked after on some day of the year up to `as_at` (SSDA903) and in Nursery to
Year 13 that year. With no snapshot loaded who is looked after is not known: the figures
are then the register's alone, every child with a record counted, and the cohort is
"no data".

- Schools: the children looked after on `as_at`, by the Ofsted grade of the school they
  were on the roll of that day (or none recorded).
- PEPs due: for each term of the year that had ended by `as_at`, each child of school age
  (Reception to Year 13) looked after on the term's last day and for 20 working days by
  then; held in time: a PEP dated in that term. Grades: the PEPs held in the year.
- Attendance: a child's year is the mean of the terms recorded; persistent absence is 90%
  or less (10% or more of sessions missed); the average is over children.
- Suspensions and permanent exclusions dated in the year up to `as_at`.
- Results: those recorded for the year, by key stage.
- Post-16: the latest activity recorded in the year for each young person aged 16 to 18
  that day (any young person in the register: care leavers too; age from the snapshot,
  not checked when the snapshot does not know it), cross-checked with the SSDA903 OC3
  activity of the collection year ending in the school year (31 March), where there is one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from csc_insight.registers import virtual_school as vs
from csc_insight.registers.virtual_school_cohort import (
    NEET_CODES,
    cohort,
    dates_of_birth,
    looked_after,
    oc3_activity,
)

SCHOOL_BANDS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
    "": "Not yet inspected",
    "none": "No school recorded",
}
PEP_GRADES = {**vs.GRADES, "": "Not yet graded"}
RESULT_STAGES = {
    "eyfs": "Early years: a good level of development",
    "ks1": "Key stage 1: expected standard in reading, writing and maths",
    "ks2": "Key stage 2: expected standard in reading, writing and maths",
    "ks4": "Key stage 4: grade 4 or above in English and maths",
}


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


@dataclass(frozen=True)
class StageResult:
    with_result: int  # children with EXPECTED recorded
    reached: int
    attainment8: tuple[float, ...] = ()  # KS4 scores recorded


@dataclass(frozen=True)
class YearFigures:
    year: vs.SchoolYear
    as_at: date
    known: bool  # a snapshot is loaded: the cohort is known
    children: int | None  # in the cohort during the year (None: not known)
    by_stage: dict[str, int]  # key stage -> children (empty when not known)
    uasc: int | None
    at_end: int | None  # looked after on `as_at`
    schools: dict[str, int]  # band -> children looked after on `as_at`
    peps_due: int
    peps_in_time: int
    peps_held: int
    pep_grades: dict[str, int]  # grade -> PEPs held in the year
    attendance: tuple[float, ...]  # each child's year attendance, where recorded
    suspensions: int
    suspended_children: int
    suspension_days: float
    permanent: int  # children permanently excluded
    results: dict[str, StageResult]
    post16: int  # young people 16-18 with an activity recorded
    neet: int
    oc3_checked: int  # of them, with an OC3 activity
    oc3_agree: int  # the OC3 says the same (NEET or not)

    @property
    def persistent_absence(self) -> int:
        return sum(1 for a in self.attendance if a <= vs.PERSISTENT_ABSENCE)

    @property
    def average_attendance(self) -> float | None:
        return sum(self.attendance) / len(self.attendance) if self.attendance else None

    @property
    def good_or_better(self) -> int:
        return self.pep_grades.get("outstanding", 0) + self.pep_grades.get("good", 0)

    @property
    def graded(self) -> int:
        return self.peps_held - self.pep_grades.get("", 0)


def _peps(
    members: dict[str, vs.LookedAfter],
    records: dict[str, vs.ChildRecords],
    year: vs.SchoolYear,
    as_at: date,
) -> tuple[int, int]:
    due = in_time = 0
    for term in year.terms():
        if term.end > as_at:
            continue
        for child, la in members.items():
            spell = la.spell_on(term.end)
            if spell is None or la.dob is None or not vs.of_school_age(vs.year_group(la.dob, year)):
                continue
            if term.end <= vs.working_day_after(spell.start, vs.FIRST_PEP_WORKING_DAYS):
                continue
            due += 1
            mine = records.get(child)
            in_time += bool(mine and mine.peps_between(term.start, term.end))
    return due, in_time


def _post16(
    records: dict[str, vs.ChildRecords],
    year: vs.SchoolYear,
    as_at: date,
    snapshot_id: str | None,
) -> tuple[int, int, int, int]:
    latest = {
        c: a for c, r in records.items() if (a := r.latest_activity(year.start, as_at)) is not None
    }
    born = dates_of_birth(latest, snapshot_id) or {}
    aged = {
        c: a for c, a in latest.items() if c not in born or 16 <= _age(born[c], a.recorded_on) <= 18
    }
    oc3 = oc3_activity(aged, date(year.first + 1, 3, 31), snapshot_id) or {}
    agree = sum(1 for c, code in oc3.items() if (code in NEET_CODES) == aged[c].neet)
    return len(aged), sum(1 for a in aged.values() if a.neet), len(oc3), agree


def _any(records: vs.ChildRecords, kind: str, year: vs.SchoolYear, as_at: date) -> bool:
    return any(e.kind == kind and year.start <= e.start <= as_at for e in records.exclusions)


def year_figures(
    year: vs.SchoolYear,
    records: dict[str, vs.ChildRecords],
    on: date,
    snapshot_id: str | None = None,
) -> YearFigures:
    """The year's figures as known on `on` (the year's end, or `on` if earlier)."""
    as_at = min(year.end, on)
    records = {c: vs.as_at(r, as_at) for c, r in records.items()}
    found = looked_after(year.start, as_at, snapshot_id)
    known = found is not None
    members = cohort(found, year, year.start, as_at) if found is not None else {}
    # with no snapshot, every child in the register counts
    counted = set(members) if known else set(records)
    mine = {c: records.get(c, vs.ChildRecords(c)) for c in counted}
    end = {c for c, la in members.items() if la.spell_on(as_at) is not None}
    schools: Counter[str] = Counter()
    for child in end:
        placed = mine[child].school_on(as_at)
        schools["none" if placed is None else placed.school.grade] += 1
    stages: Counter[str] = Counter(
        vs.key_stage(vs.year_group(la.dob, year)) for la in members.values() if la.dob
    )
    due, in_time = _peps(members, records, year, as_at) if known else (0, 0)
    held = [p for r in mine.values() for p in r.peps_between(year.start, as_at)]
    suspended = [
        e
        for r in mine.values()
        for e in r.exclusions
        if e.kind == "suspension" and year.start <= e.start <= as_at
    ]
    results: dict[str, StageResult] = {}
    for stage in RESULT_STAGES:
        got = [
            x
            for r in mine.values()
            for x in r.results
            if x.year == year.label and x.key_stage == stage
        ]
        results[stage] = StageResult(
            with_result=sum(1 for x in got if x.expected is not None),
            reached=sum(1 for x in got if x.expected),
            attainment8=tuple(x.attainment8 for x in got if x.attainment8 is not None),
        )
    post16, neet, checked, agree = _post16(records, year, as_at, snapshot_id)
    return YearFigures(
        year=year,
        as_at=as_at,
        known=known,
        children=len(members) if known else None,
        by_stage={s: stages[s] for s in vs.KEY_STAGES} if known else {},
        uasc=sum(1 for la in members.values() if la.uasc) if known else None,
        at_end=len(end) if known else None,
        schools={band: schools[band] for band in SCHOOL_BANDS},
        peps_due=due,
        peps_in_time=in_time,
        peps_held=len(held),
        pep_grades={g: sum(1 for p in held if p.grade == g) for g in PEP_GRADES},
        attendance=tuple(a for r in mine.values() if (a := r.year_attendance(year)) is not None),
        suspensions=len(suspended),
        suspended_children=sum(1 for r in mine.values() if _any(r, "suspension", year, as_at)),
        suspension_days=sum(e.days or 0 for e in suspended),
        permanent=sum(1 for r in mine.values() if _any(r, "permanent", year, as_at)),
        results=results,
        post16=post16,
        neet=neet,
        oc3_checked=checked,
        oc3_agree=agree,
    )
