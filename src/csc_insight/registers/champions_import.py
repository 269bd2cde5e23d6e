"""Importing the safeguarding champions register from CSV or XLSX (register_file.py). The
register is kept as three files, and the heading row says which one a file is:

- champions (`champions_register.csv`): DEPARTMENT required, NAME, ROLE, APPOINTED,
  ENDED, CHIEF_OFFICER. A row naming a department with no NAME records the department
  with no champion (as the policy's Appendix 2 lists them); NAME and APPOINTED go together.
- assurance returns (`champions_assurance.csv`, has HALF_YEAR): DEPARTMENT, HALF_YEAR
  (2019-20-H1), RECEIVED, ASSURANCE (green, amber or red; or full, partial, limited)
  required; ACTIONS. One per department and half-year.
- training (`champions_training.csv`, has COURSE): NAME, COURSE, COMPLETED required;
  DEPARTMENT. One per person, course and date.

A department named anywhere is added to the register if it is not there (matched without
regard to case). Rows already in the register are updated. Bad rows are quarantined as in
every register; a file without its required columns imports nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from csc_insight.common.report import Report
from csc_insight.formats.tabular import Column, normalise_heading
from csc_insight.registers.champions import HALF_EXPECTED, HalfYearError, parse_half_year
from csc_insight.registers.missing_import import ImportResult, save_quarantined
from csc_insight.registers.models import AssuranceReturn, Champion, Department, TrainingRecord
from csc_insight.registers.register_file import read_register
from csc_insight.registers.rows import read_rows

REGISTER = "champions"
ASSURANCE_WORDS = {
    "green": "green",
    "g": "green",
    "full": "green",
    "full assurance": "green",
    "amber": "amber",
    "a": "amber",
    "partial": "amber",
    "partial assurance": "amber",
    "red": "red",
    "r": "red",
    "limited": "red",
    "limited assurance": "red",
}
DEPARTMENT = Column("DEPARTMENT", "department", required=True, not_null=True)
CHAMPIONS = [
    DEPARTMENT,
    Column("NAME", "name"),
    Column("ROLE", "role"),
    Column("APPOINTED", "appointed_on", "date"),
    Column("ENDED", "ended_on", "date"),
    Column("CHIEF_OFFICER", "chief_officer"),
]
RETURNS = [
    DEPARTMENT,
    Column("HALF_YEAR", "half_year", required=True, not_null=True, describe=HALF_EXPECTED),
    Column("RECEIVED", "received_on", "date", required=True, not_null=True),
    Column(
        "ASSURANCE",
        "assurance",
        "code",
        required=True,
        not_null=True,
        codes=frozenset(ASSURANCE_WORDS),
        describe="green, amber or red",
    ),
    Column("ACTIONS", "actions"),
]
TRAINING = [
    Column("NAME", "name", required=True, not_null=True, describe="who completed it"),
    Column("COURSE", "course", required=True, not_null=True, describe="the course"),
    Column("COMPLETED", "completed_on", "date", required=True, not_null=True),
    Column("DEPARTMENT", "department"),
]


def _champion_checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []
    named, appointed, ended = values.get("name"), values.get("appointed_on"), values.get("ended_on")
    if named and appointed is None:
        where = "appointed_on" if "appointed_on" in values else "name"
        found.append((where, "missing_value", "the date the champion was appointed (APPOINTED)"))
    if not named and (appointed is not None or ended is not None):
        where = "name" if "name" in values else "appointed_on" if appointed else "ended_on"
        found.append((where, "missing_value", "the champion's name (NAME)"))
    if isinstance(appointed, date) and isinstance(ended, date) and ended < appointed:
        found.append(("ended_on", "before_start", f"a date on or after {appointed:%d/%m/%Y}"))
    return found


def _return_checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    try:
        half = parse_half_year(values.get("half_year") or "")
    except HalfYearError:
        return [("half_year", "bad_value", HALF_EXPECTED)]
    values["half_year"] = half.label
    values["assurance"] = ASSURANCE_WORDS[values["assurance"]]
    received = values.get("received_on")
    if isinstance(received, date) and received < half.start:
        return [("received_on", "before_start", f"a date after {half.start:%d/%m/%Y}")]
    return []


def which(path: Path) -> str:
    """'champions', 'returns' or 'training': the part of the register the file holds, by
    its headings."""
    rows = read_rows(path, Report()) or [[]]
    headings = {normalise_heading(h) for h in (rows[0] if rows else [])}
    if "half_year" in headings:
        return "returns"
    if "course" in headings:
        return "training"
    return "champions"


def _department(name: str, chief_officer: str = "") -> Department:
    found = Department.objects.filter(name__iexact=name.strip()).first()
    if found is None:
        return Department.objects.create(name=name.strip(), chief_officer=chief_officer)
    if chief_officer and found.chief_officer != chief_officer:
        found.chief_officer = chief_officer
        found.save(update_fields=["chief_officer"])
    return found


def _count(result: ImportResult, made: bool) -> None:
    result.created += made
    result.updated += not made


def import_file(path: Path, username: str = "") -> ImportResult:
    """Import a champions, assurance returns or training file (by its headings)."""
    part = which(path)
    result = ImportResult()
    columns, key, checks, words = {
        "champions": (CHAMPIONS, ("name", "appointed_on", "department"), _champion_checks, ""),
        "returns": (RETURNS, ("department", "half_year"), _return_checks, "department and half"),
        "training": (TRAINING, ("course", "completed_on", "name"), None, "person, course, date"),
    }[part]
    read = read_register(path, columns, key, result.report, checks, key_words=words)
    if read is None:
        result.read = False
        return result
    good, bad = read
    with transaction.atomic():
        for values in good:
            values.pop("_row")
            if part == "champions":
                _save_champion(values, result)
            elif part == "returns":
                _, made = AssuranceReturn.objects.update_or_create(
                    department=_department(values.pop("department")),
                    half_year=values.pop("half_year"),
                    defaults=values,
                )
                _count(result, made)
            else:
                dept = values.pop("department", "")
                _, made = TrainingRecord.objects.update_or_create(
                    name=values["name"],
                    course=values["course"],
                    completed_on=values["completed_on"],
                    defaults={"department": _department(dept) if dept else None},
                )
                _count(result, made)
        result.quarantined = save_quarantined(REGISTER, path.name, bad, username)
    return result


def _save_champion(values: dict[str, Any], result: ImportResult) -> None:
    department = _department(values["department"], values.get("chief_officer") or "")
    if not values.get("name"):
        return  # the department, with no champion named
    _, made = Champion.objects.update_or_create(
        department=department,
        name=values["name"],
        appointed_on=values["appointed_on"],
        defaults={"role": values.get("role") or "", "ended_on": values.get("ended_on")},
    )
    _count(result, made)
