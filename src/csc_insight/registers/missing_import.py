"""Importing the missing register from CSV or XLSX (read by register_file.py).

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

from csc_insight.common.report import Report
from csc_insight.formats.tabular import Column
from csc_insight.registers.bridge import mark_kept
from csc_insight.registers.models import MissingEpisode, MissingFrom, QuarantinedRow
from csc_insight.registers.register_file import Quarantined, read_register

REGISTER = "missing"

COLUMNS = [
    Column("CHILD", "child_id", required=True, not_null=True, describe="a child ID"),
    Column(
        "MISSING_FROM",
        "missing_from",
        "code",
        required=True,
        not_null=True,
        codes=frozenset(MissingFrom.values),
        describe="home or care",
    ),
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
# Dates that cannot come before the start of the episode.
AFTER_START = (
    "reported_on",
    "strategy_meeting_on",
    "returned_on",
    "rhi_offered_on",
    "rhi_held_on",
    "lead_member_notified_on",
)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    quarantined: list[int] = field(default_factory=list)  # row numbers
    report: Report = field(default_factory=Report)
    read: bool = True  # False: the file could not be read, nothing was imported


def _checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []
    start, returned = values.get("start"), values.get("returned_on")
    for name in AFTER_START:
        later = values.get(name)
        if isinstance(start, date) and isinstance(later, date) and later < start:
            found.append((name, "before_start", f"a date on or after START ({start:%d/%m/%Y})"))
    for name in ("rhi_offered_on", "rhi_held_on"):
        when = values.get(name)
        if (
            isinstance(when, date)
            and isinstance(returned, date)
            and when < returned
            and not (isinstance(start, date) and when < start)
        ):
            found.append(
                (name, "before_return", f"a date on or after RETURNED ({returned:%d/%m/%Y})")
            )
    return found


def save_quarantined(register: str, file: str, rows: list[Quarantined], username: str) -> list[int]:
    """Keep the rows an import could not take; their row numbers. Every import that read its
    file comes here: the register is kept from now on (bridge.py), even with no rows."""
    mark_kept(register)
    for q in rows:
        QuarantinedRow.objects.create(
            register=register,
            file=file,
            row=q.row,
            values=q.values,
            problems=q.problems,
            imported_by=username[:150],
        )
    return [q.row for q in rows]


def import_file(path: Path, username: str = "", user: Any = None) -> ImportResult:
    """Import the register file: good rows saved (new or updated), bad rows quarantined."""
    result = ImportResult()
    read = read_register(
        path,
        COLUMNS,
        ("child_id", "start"),
        result.report,
        _checks,
        key_words="child and start date",
    )
    if read is None:
        result.read = False
        return result
    good, bad = read
    with transaction.atomic():
        for values in good:
            values.pop("_row")
            fields = {k: v for k, v in values.items() if k not in ("child_id", "start")}
            _, made = MissingEpisode.objects.update_or_create(
                child_id=values["child_id"],
                start=values["start"],
                defaults=fields,
                create_defaults={**fields, "created_by": user},
            )
            if made:
                result.created += 1
            else:
                result.updated += 1
        result.quarantined = save_quarantined(REGISTER, path.name, bad, username)
    return result
