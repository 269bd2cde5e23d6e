"""Importing the LADO register from CSV or XLSX (read by register_file.py).

Columns (headings in any case): REFERENCE (the LADO's case reference), RECEIVED, SECTOR
and CATEGORY required; SOURCE, ROLE, THRESHOLD (Y: a referral, N: a consultation),
INITIAL_MEETING, OUTCOME, CONCLUDED, NOTES optional. SECTOR is one of education, health,
police, social care, faith, sport, early years, other; CATEGORY physical, sexual,
emotional, neglect or suitability; OUTCOME substantiated, unsubstantiated, unfounded,
false, malicious or no further action (NFA). One row per reference; a row for a
reference already in the register updates it (columns the file lacks are kept).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from csc_insight.formats.tabular import Column
from csc_insight.registers.missing_import import ImportResult, save_quarantined
from csc_insight.registers.models import LadoCategory, LadoContact, LadoOutcome, LadoSector
from csc_insight.registers.register_file import read_register, words

REGISTER = "lado"


def _choices(choices: Any, **more: str) -> dict[str, str]:
    found = {value: value for value in choices.values}
    found.update({str(label): value for value, label in choices.choices})
    found.update(more)
    return found


SECTORS = _choices(LadoSector, school="education", schools="education", nursery="early_years")
CATEGORIES = _choices(
    LadoCategory,
    physical="physical",
    sexual="sexual",
    emotional="emotional",
    transferable_risk="suitability",
)
OUTCOMES = _choices(LadoOutcome, nfa="nfa", no_further_action="nfa")

COLUMNS = [
    Column("REFERENCE", "reference", required=True, not_null=True, describe="a case reference"),
    Column("RECEIVED", "received_on", "date", required=True, not_null=True),
    Column("SOURCE", "source"),
    Column(
        "SECTOR",
        "sector",
        "code",
        required=True,
        not_null=True,
        parse=words(SECTORS),
        describe="education, health, police, social care, faith, sport, early years or other",
    ),
    Column("ROLE", "role"),
    Column(
        "CATEGORY",
        "category",
        "code",
        required=True,
        not_null=True,
        parse=words(CATEGORIES),
        describe="physical, sexual, emotional, neglect or suitability",
    ),
    Column("THRESHOLD", "met_threshold", "flag"),
    Column("INITIAL_MEETING", "initial_meeting_on", "date"),
    Column(
        "OUTCOME",
        "outcome",
        "code",
        parse=words(OUTCOMES),
        describe="substantiated, unsubstantiated, unfounded, false, malicious or NFA",
    ),
    Column("CONCLUDED", "concluded_on", "date"),
    Column("NOTES", "notes"),
]


def _checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []
    received = values.get("received_on")
    for name in ("initial_meeting_on", "concluded_on"):
        later = values.get(name)
        if isinstance(received, date) and isinstance(later, date) and later < received:
            found.append(
                (name, "before_received", f"a date on or after RECEIVED ({received:%d/%m/%Y})")
            )
    if "outcome" in values and values["outcome"] is None:
        values["outcome"] = ""  # a blank OUTCOME: not concluded (the field is text)
    return found


def import_file(path: Path, username: str = "", user: Any = None) -> ImportResult:
    """Import the register file: good rows saved (new or updated), bad rows quarantined."""
    result = ImportResult()
    read = read_register(
        path, COLUMNS, ("reference",), result.report, _checks, key_words="case reference"
    )
    if read is None:
        result.read = False
        return result
    good, bad = read
    with transaction.atomic():
        for values in good:
            values.pop("_row")
            reference = values.pop("reference")
            _, made = LadoContact.objects.update_or_create(
                reference=reference,
                defaults=values,
                create_defaults={**values, "created_by": user},
            )
            if made:
                result.created += 1
            else:
                result.updated += 1
        result.quarantined = save_quarantined(REGISTER, path.name, bad, username)
    return result
