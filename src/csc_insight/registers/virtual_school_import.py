"""Importing the Virtual School register from CSV or XLSX (register_file.py), as a Virtual
School officer keeps it today: one spreadsheet per kind of record, each known by its
headings (`csc-insight registers import virtual-school FILE` takes any of them):

- schools (has SCHOOL): CHILD, SCHOOL, PHASE, START required; URN, OFSTED, OFSTED_DATE, END.
  One row per child and school placement; the school (by URN, or by name when it has
  none) is added to the register, or updated with the row's name, phase and Ofsted grade.
  PHASE: early years, primary, secondary, all-through, special, alternative provision,
  post-16 (college or sixth form) or other. OFSTED: Outstanding, Good, Requires
  improvement, Inadequate or Not yet inspected, with the OFSTED_DATE of that inspection.
- PEPs (has PEP_DATE): CHILD, PEP_DATE required; GRADE (Outstanding, Good, Requires
  improvement, Inadequate; blank: not yet graded), NOTES. One per child and date.
- attendance (has ATTENDANCE): CHILD, YEAR (2019-20), TERM (autumn, spring, summer),
  ATTENDANCE (a percentage, 0-100) required. One per child and term.
- exclusions (has EXCLUDED_ON): CHILD, EXCLUDED_ON, TYPE (suspension or fixed-term;
  permanent) required; DAYS (school days, required for a suspension: 0.5 to 45), REASON.
- results (has KEY_STAGE): CHILD, YEAR, KEY_STAGE (EYFS, KS1, KS2, KS4) required; EXPECTED
  (Y/N: a good level of development at EYFS; the expected standard in reading, writing and
  maths at KS1 and KS2; grade 4 or above in English and maths at KS4); ATTAINMENT8 (KS4
  only, 0-90). One per child, year and key stage.
- post-16 activity (has ACTIVITY): CHILD, AS_AT, ACTIVITY (education, training or
  apprenticeship, employment, NEET) required. One per child and date.

Rows already in the register are updated. A bad row is quarantined with file, row, column
and what was expected, the others imported; a file without its required columns, or
whose headings are none of these, imports nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from csc_insight.common.report import Report
from csc_insight.formats.tabular import Column, normalise_heading
from csc_insight.registers.missing_import import ImportResult, save_quarantined
from csc_insight.registers.register_file import Check, read_register, words
from csc_insight.registers.rows import read_rows
from csc_insight.registers.virtual_school import SchoolYearError, parse_school_year
from csc_insight.registers.virtual_school_models import (
    VsActivity,
    VsAttendance,
    VsExclusion,
    VsPep,
    VsPlacement,
    VsResult,
    VsSchool,
)

REGISTER = "virtual_school"
URN_EXPECTED = "a school URN of 6 or 7 digits"
YEAR_EXPECTED = "a school year such as 2019-20"

GRADE_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement": "requires_improvement",
    "ri": "requires_improvement",
    "inadequate": "inadequate",
}
OFSTED_WORDS = GRADE_WORDS | {"not yet inspected": "", "not inspected": ""}
PHASE_WORDS = {
    "early years": "early_years",
    "nursery": "early_years",
    "primary": "primary",
    "secondary": "secondary",
    "all through": "all_through",
    "special": "special",
    "special school": "special",
    "alternative provision": "alternative",
    "pupil referral unit": "alternative",
    "pru": "alternative",
    "ap": "alternative",
    "post 16": "post16",
    "college": "post16",
    "sixth form": "post16",
    "other": "other",
    "tuition": "other",
}
TERM_WORDS = {"autumn": "autumn", "spring": "spring", "summer": "summer"}
EXCLUSION_WORDS = {
    "suspension": "suspension",
    "fixed term": "suspension",
    "fixed term exclusion": "suspension",
    "fixed period": "suspension",
    "permanent": "permanent",
    "permanent exclusion": "permanent",
}
STAGE_WORDS = {
    "eyfs": "eyfs",
    "early years": "eyfs",
    "ks1": "ks1",
    "key stage 1": "ks1",
    "ks2": "ks2",
    "key stage 2": "ks2",
    "ks4": "ks4",
    "key stage 4": "ks4",
}
ACTIVITY_WORDS = {
    "education": "education",
    "training": "training",
    "apprenticeship": "training",
    "employment": "employment",
    "neet": "neet",
    "not in education, employment or training": "neet",
}


def _number(low: float, high: float, step: float = 0.0) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            value = float(text.strip().rstrip("%"))
        except ValueError:
            return None
        if not low <= value <= high or (step and (value / step) % 1):
            return None
        return value

    return parse


def _year(text: str) -> object:
    try:
        return parse_school_year(text).label
    except SchoolYearError:
        return None


CHILD = Column("CHILD", "child_id", required=True, not_null=True, describe="a child ID")
YEAR = Column("YEAR", "year", required=True, not_null=True, parse=_year, describe=YEAR_EXPECTED)
SCHOOLS = [
    CHILD,
    Column("SCHOOL", "name", required=True, not_null=True, describe="the school's name"),
    Column("URN", "urn", describe=URN_EXPECTED),
    Column(
        "PHASE",
        "phase",
        required=True,
        not_null=True,
        parse=words(PHASE_WORDS),
        describe="early years, primary, secondary, all-through, special, alternative "
        "provision, post-16 or other",
    ),
    Column(
        "OFSTED",
        "ofsted_grade",
        parse=words(OFSTED_WORDS),
        describe="Outstanding, Good, Requires improvement, Inadequate or Not yet inspected",
    ),
    Column("OFSTED_DATE", "ofsted_date", "date"),
    Column("START", "start", "date", required=True, not_null=True),
    Column("END", "end", "date"),
]
PEPS = [
    CHILD,
    Column("PEP_DATE", "held_on", "date", required=True, not_null=True),
    Column(
        "GRADE",
        "grade",
        parse=words(GRADE_WORDS),
        describe="Outstanding, Good, Requires improvement or Inadequate (blank: not graded)",
    ),
    Column("NOTES", "notes"),
]
ATTENDANCE = [
    CHILD,
    YEAR,
    Column(
        "TERM",
        "term",
        required=True,
        not_null=True,
        parse=words(TERM_WORDS),
        describe="autumn, spring or summer",
    ),
    Column(
        "ATTENDANCE",
        "percent",
        "float",
        required=True,
        not_null=True,
        parse=_number(0, 100),
        describe="a percentage from 0 to 100",
    ),
]
EXCLUSIONS = [
    CHILD,
    Column("EXCLUDED_ON", "start", "date", required=True, not_null=True),
    Column(
        "TYPE",
        "kind",
        required=True,
        not_null=True,
        parse=words(EXCLUSION_WORDS),
        describe="suspension (fixed-term) or permanent",
    ),
    Column(
        "DAYS",
        "days",
        "float",
        parse=_number(0.5, 45, 0.5),
        describe="school days from 0.5 to 45, in half days",
    ),
    Column("REASON", "reason"),
]
RESULTS = [
    CHILD,
    YEAR,
    Column(
        "KEY_STAGE",
        "key_stage",
        required=True,
        not_null=True,
        parse=words(STAGE_WORDS),
        describe="EYFS, KS1, KS2 or KS4",
    ),
    Column("EXPECTED", "expected", "flag"),
    Column(
        "ATTAINMENT8",
        "attainment8",
        "float",
        parse=_number(0, 90),
        describe="an Attainment 8 score from 0 to 90",
    ),
]
ACTIVITIES = [
    CHILD,
    Column("AS_AT", "recorded_on", "date", required=True, not_null=True),
    Column(
        "ACTIVITY",
        "activity",
        required=True,
        not_null=True,
        parse=words(ACTIVITY_WORDS),
        describe="education, training, employment or NEET",
    ),
]


def _school_checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []
    urn = re.sub(r"\s+", "", values.get("urn") or "")
    if urn and not re.fullmatch(r"\d{6,7}", urn):
        found.append(("urn", "bad_value", URN_EXPECTED))
    values["urn"] = urn
    grade, graded = values.get("ofsted_grade"), values.get("ofsted_date")
    if grade and graded is None:
        where = "ofsted_date" if "ofsted_date" in values else "ofsted_grade"
        found.append((where, "missing_value", "the date of that inspection (OFSTED_DATE)"))
    if graded is not None and not grade:
        found.append(("ofsted_grade", "missing_value", "the grade it gave (OFSTED)"))
    start, end = values.get("start"), values.get("end")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        found.append(("end", "before_start", f"a date on or after START ({start:%d/%m/%Y})"))
    return found


def _exclusion_checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    if values.get("kind") == "suspension" and values.get("days") is None:
        where = "days" if "days" in values else "kind"
        return [(where, "missing_value", "the school days the suspension lasted (DAYS)")]
    if values.get("kind") == "permanent":
        values["days"] = None
    return []


def _result_checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    score = values.get("attainment8")
    if score is not None and values.get("key_stage") != "ks4":
        return [("attainment8", "bad_value", "no Attainment 8 score outside key stage 4")]
    if values.get("expected") is None and score is None:
        where = "expected" if "expected" in values else "key_stage"
        return [(where, "missing_value", "Y or N: whether the standard was reached (EXPECTED)")]
    return []


@dataclass(frozen=True)
class Part:
    """One of the register's files: its columns, the fields one row per which, checks."""

    name: str
    columns: list[Column]
    key: tuple[str, ...]
    key_words: str
    checks: Check | None = None


PARTS = {
    "schools": Part(
        "schools",
        SCHOOLS,
        ("child_id", "urn", "name", "start"),
        "child, school and start",
        _school_checks,
    ),
    "peps": Part("peps", PEPS, ("child_id", "held_on"), "child and PEP date"),
    "attendance": Part(
        "attendance", ATTENDANCE, ("child_id", "year", "term"), "child, year and term"
    ),
    "exclusions": Part(
        "exclusions",
        EXCLUSIONS,
        ("child_id", "kind", "start"),
        "child, type and date",
        _exclusion_checks,
    ),
    "results": Part(
        "results",
        RESULTS,
        ("child_id", "year", "key_stage"),
        "child, year and key stage",
        _result_checks,
    ),
    "activity": Part("activity", ACTIVITIES, ("child_id", "recorded_on"), "child and date"),
}
# The heading that says which file it is, in the order they are looked for.
MARKERS = (
    ("school", "schools"),
    ("pep_date", "peps"),
    ("excluded_on", "exclusions"),
    ("key_stage", "results"),
    ("attendance", "attendance"),
    ("activity", "activity"),
)


def which(path: Path, report: Report) -> str | None:
    """The part of the register the file holds, by its headings; None (and the reason in
    `report`) when it cannot be read or is none of them."""
    rows = read_rows(path, report)
    if rows is None:
        return None
    headings = {normalise_heading(h).replace(" ", "_") for h in (rows[0] if rows else [])}
    for marker, part in MARKERS:
        if marker in headings:
            return part
    report.error(
        "not_virtual_school_file",
        path.name,
        "Expected a Virtual School file: schools (with a SCHOOL column), PEPs (PEP_DATE), "
        "attendance (ATTENDANCE), exclusions (EXCLUDED_ON), results (KEY_STAGE) or post-16 "
        "activity (ACTIVITY).",
    )
    return None


def _school(values: dict[str, Any]) -> VsSchool:
    fields = {
        "name": values["name"],
        "phase": values["phase"],
        "ofsted_grade": values.get("ofsted_grade") or "",
        "ofsted_date": values.get("ofsted_date"),
    }
    if values["urn"]:
        school, _ = VsSchool.objects.update_or_create(urn=values["urn"], defaults=fields)
        return school
    found = VsSchool.objects.filter(urn="", name__iexact=values["name"].strip()).first()
    if found is None:
        return VsSchool.objects.create(urn="", **fields)
    for key, value in fields.items():
        setattr(found, key, value)
    found.save()
    return found


def _save(part: str, values: dict[str, Any]) -> bool:
    """Save one good row; True when it made a new record."""
    child = values.pop("child_id")
    if part == "schools":
        school = _school(values)
        _, made = VsPlacement.objects.update_or_create(
            child_id=child,
            school=school,
            start=values["start"],
            defaults={"end": values.get("end")},
        )
        return made
    model, keys = {
        "peps": (VsPep, ("held_on",)),
        "attendance": (VsAttendance, ("year", "term")),
        "exclusions": (VsExclusion, ("start", "kind")),
        "results": (VsResult, ("year", "key_stage")),
        "activity": (VsActivity, ("recorded_on",)),
    }[part]
    lookup = {k: values.pop(k) for k in keys}
    _, made = model.objects.update_or_create(child_id=child, **lookup, defaults=values)
    return made


def import_file(path: Path, username: str = "") -> ImportResult:
    """Import one of the register's files (known by its headings)."""
    result = ImportResult()
    part_name = which(path, result.report)
    if part_name is None:
        result.read = False
        return result
    part = PARTS[part_name]
    read = read_register(
        path, part.columns, part.key, result.report, part.checks, key_words=part.key_words
    )
    if read is None:
        result.read = False
        return result
    good, bad = read
    with transaction.atomic():
        for values in good:
            values.pop("_row")
            if _save(part_name, values):
                result.created += 1
            else:
                result.updated += 1
        result.quarantined = save_quarantined(REGISTER, path.name, bad, username)
    return result
