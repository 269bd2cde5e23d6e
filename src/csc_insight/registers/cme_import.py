"""Importing the children missing education register from CSV or XLSX (register_file.py).

Columns: CHILD, CATEGORY (EHE, CME, AT_RISK or MEDICAL; the words 'elective home
education', 'missing education', 'unplaced', 'at risk', 'low attendance', 'medical' too),
START (monitored from) required; END, ATTENDANCE (a percentage), SCHOOL, NOTES optional.
One row per child, category and start; a row already in the register updates it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from csc_insight.formats.tabular import Column
from csc_insight.registers.missing_import import ImportResult, save_quarantined
from csc_insight.registers.models import CmeEntry
from csc_insight.registers.register_file import read_register

REGISTER = "cme"
CATEGORY_WORDS = {
    "ehe": "ehe",
    "elective home education": "ehe",
    "electively home educated": "ehe",
    "cme": "cme",
    "missing education": "cme",
    "unplaced": "cme",
    "missing education or unplaced": "cme",
    "at_risk": "at_risk",
    "at risk": "at_risk",
    "at risk of missing education": "at_risk",
    "low attendance": "at_risk",
    "medical": "medical",
    "medical reasons": "medical",
}


COLUMNS = [
    Column("CHILD", "child_id", required=True, not_null=True, describe="a child ID"),
    Column(
        "CATEGORY",
        "category",
        "code",
        required=True,
        not_null=True,
        codes=frozenset(CATEGORY_WORDS),
        describe="EHE, CME, AT_RISK or MEDICAL",
    ),
    Column("START", "start", "date", required=True, not_null=True),
    Column("END", "end", "date"),
    Column(
        "ATTENDANCE",
        "attendance",
        "number",  # type: ignore[arg-type]
        describe="a percentage from 0 to 100",
    ),
    Column("SCHOOL", "school"),
    Column("NOTES", "notes"),
]


def _checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []
    values["category"] = CATEGORY_WORDS.get(values.get("category") or "", values.get("category"))
    start, end = values.get("start"), values.get("end")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        found.append(("end", "before_start", f"a date on or after START ({start:%d/%m/%Y})"))
    pct = values.get("attendance")
    if isinstance(pct, float) and not 0 <= pct <= 100:
        found.append(("attendance", "out_of_range", "a percentage from 0 to 100"))
    return found


def import_file(path: Path, username: str = "") -> ImportResult:
    """Import the register file: good rows saved (new or updated), bad rows quarantined."""
    result = ImportResult()
    read = read_register(
        path,
        COLUMNS,
        ("child_id", "category", "start"),
        result.report,
        _checks,
        key_words="child, category and start",
    )
    if read is None:
        result.read = False
        return result
    good, bad = read
    with transaction.atomic():
        for values in good:
            values.pop("_row")
            key = {k: values.pop(k) for k in ("child_id", "category", "start")}
            _, made = CmeEntry.objects.update_or_create(**key, defaults=values)
            if made:
                result.created += 1
            else:
                result.updated += 1
        result.quarantined = save_quarantined(REGISTER, path.name, bad, username)
    return result
