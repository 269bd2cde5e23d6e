"""Importing the missing register from CSV or XLSX.

Columns (headings in any case; only CHILD, MISSING_FROM and START are required):

    CHILD, MISSING_FROM (home|care), START, REPORTED_BY, REPORTED_ON, RISK_AT_PLACEMENT (Y/N),
    STRATEGY_MEETING, RETURNED, HOW_FOUND, RHI_OFFERED, RHI_ACCEPTED (Y/N), RHI_HELD, THEMES,
    LEAD_MEMBER_NOTIFIED

A file that cannot be read, or lacks a required column, imports nothing. A row with a bad
value is quarantined (kept with its raw values and what was wrong, by file, row, column and
what was expected) and the other rows are imported: one row per child and start date; a row
for an episode already in the register updates it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from csc_insight.formats.report import Report, column_letter
from csc_insight.formats.tabular import Column, match_headings
from csc_insight.formats.values import parse_date, parse_flag
from csc_insight.registers.models import MissingEpisode, MissingFrom, QuarantinedRow
from csc_insight.registers.rows import cell_text, read_rows
from csc_insight.store.child_ids import ChildIdError, canonical_child_id

REGISTER = "missing"

COLUMNS = [
    Column("CHILD", "child_id", required=True, not_null=True, describe="a child ID"),
    Column("MISSING_FROM", "missing_from", "code", required=True, not_null=True,
           describe="home or care"),
    Column("START", "start", "date", required=True, not_null=True),
    Column("REPORTED_BY", "reported_by"),
    Column("REPORTED_ON", "reported_on", "date"),
    Column("RISK_AT_PLACEMENT", "risk_noted_at_placement", "flag"),
    Column("STRATEGY_MEETING", "strategy_meeting_on", "date"),
    Column("RETURNED", "returned_on", "date"),
    Column("HOW_FOUND", "how_found"),
    Column("RHI_OFFERED", "rhi_offered_on", "date"),
    Column("RHI_ACCEPTED", "rhi_accepted", "flag"),
    Column("RHI_HELD", "rhi_held_on", "date"),
    Column("THEMES", "themes"),
    Column("LEAD_MEMBER_NOTIFIED", "lead_member_notified_on", "date"),
]
DATE_EXPECTED = "a date as dd/mm/yyyy"
FLAG_EXPECTED = "Y or N"
# Dates that cannot come before the start of the episode.
AFTER_START = ("reported_on", "strategy_meeting_on", "returned_on", "rhi_offered_on",
               "rhi_held_on", "lead_member_notified_on")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    quarantined: list[int] = field(default_factory=list)  # row numbers
    report: Report = field(default_factory=Report)
    read: bool = True  # False: the file could not be read, nothing was imported


def _parse(col: Column, text: str) -> tuple[object, str | None]:
    """(value, None) or (None, what was expected)."""
    if not text:
        return (None, "a value") if col.not_null else (None if col.kind != "text" else "",
                                                       None)
    if col.field == "child_id":
        try:
            return canonical_child_id(text), None
        except ChildIdError:
            return None, "a child ID of letters, numbers, - and _"
    if col.field == "missing_from":
        word = text.strip().casefold()
        return (word, None) if word in MissingFrom.values else (None, "home or care")
    if col.kind == "date":
        parsed = parse_date(text)
        return (parsed, None) if parsed else (None, DATE_EXPECTED)
    if col.kind == "flag":
        flag = parse_flag(text)
        return (flag, None) if flag is not None else (None, FLAG_EXPECTED)
    return text[:200] if col.field != "themes" else text, None


def read_file(path: Path, report: Report) -> tuple[list[dict[str, Any]],
                                                    list[tuple[int, dict[str, str], str]]] | None:
    """(good rows with their row number under '_row', quarantined rows as (row, raw values,
    problems)); None when the file cannot be read."""
    file = path.name
    rows = read_rows(path, report)
    if rows is None:
        return None
    if not rows:
        report.error("empty_file", file, "Expected a heading row naming CHILD, MISSING_FROM "
                     "and START.")
        return None
    found = match_headings(rows[0], COLUMNS, report, file=file, sheet=None)
    if found is None:
        return None
    good: list[dict[str, Any]] = []
    bad: list[tuple[int, dict[str, str], str]] = []
    seen: dict[tuple[str, date], int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        raw = {col.heading: cell_text(cells[pos]) if pos < len(cells) else ""
               for pos, col in found.items()}
        if not any(raw.values()):
            continue
        values: dict[str, Any] = {"_row": number}
        problems: list[str] = []

        def problem(col_field: str, code: str, expected: str, value: object,
                    row: int = number, problems: list[str] = problems) -> None:
            pos = next(p for p, c in found.items() if c.field == col_field)
            col = found[pos]
            report.error(code, file, f"Expected {expected}; the row was quarantined.",
                         row=row, column=col.heading, column_letter=column_letter(pos),
                         value=value)
            problems.append(f"{col.heading}: expected {expected} (found {value!r})")

        for col in found.values():
            value, expected = _parse(col, raw[col.heading])
            if expected:
                problem(col.field, "missing_value" if not raw[col.heading] else "bad_value",
                        expected, raw[col.heading])
            else:
                values[col.field] = value
        start = values.get("start")
        if isinstance(start, date):
            for name in AFTER_START:
                later = values.get(name)
                if isinstance(later, date) and later < start:
                    problem(name, "before_start", f"a date on or after START "
                            f"({start:%d/%m/%Y})", raw[_heading(name)])
        returned = values.get("returned_on")
        for name in ("rhi_offered_on", "rhi_held_on"):
            when = values.get(name)
            if isinstance(when, date) and isinstance(returned, date) and when < returned:
                problem(name, "before_return", f"a date on or after RETURNED "
                        f"({returned:%d/%m/%Y})", raw[_heading(name)])
        key = (values.get("child_id"), start)
        if not problems and key in seen:
            problem("start", "duplicate", f"one row per child and start date (row {seen[key]} "
                    "has the same)", raw["START"])
        if problems:
            bad.append((number, raw, "; ".join(problems)))
            continue
        seen[key] = number  # type: ignore[index]
        good.append(values)
    return good, bad


def _heading(name: str) -> str:
    return next(c.heading for c in COLUMNS if c.field == name)


def import_file(path: Path, username: str = "", user: Any = None) -> ImportResult:
    """Import the register file: good rows saved (new or updated), bad rows quarantined."""
    result = ImportResult()
    read = read_file(path, result.report)
    if read is None:
        result.read = False
        return result
    good, bad = read
    with transaction.atomic():
        for values in good:
            row = values.pop("_row")
            del row
            fields = {k: v for k, v in values.items() if k not in ("child_id", "start")}
            _, made = MissingEpisode.objects.update_or_create(
                child_id=values["child_id"], start=values["start"],
                defaults=fields, create_defaults={**fields, "created_by": user})
            if made:
                result.created += 1
            else:
                result.updated += 1
        for number, raw, problems in bad:
            QuarantinedRow.objects.create(register=REGISTER, file=path.name, row=number,
                                          values=raw, problems=problems,
                                          imported_by=username[:150])
            result.quarantined.append(number)
    return result
