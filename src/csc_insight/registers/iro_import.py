"""Importing the IRO service register from CSV or XLSX (read by register_file.py). The
register is kept as two files, and the heading row says which one a file is:

- escalations (`iro_escalations.csv`, has RAISED): CHILD, IRO, RAISED and ISSUE required;
  STAGE (informal, stage 1, stage 2, stage 3 or Cafcass; blank: informal), STAGE_DATE (the
  day it reached that stage), RESOLVED and OUTCOME (resolved, partly resolved, not
  resolved, withdrawn: the two go together), NOTES. One row per child, day raised and
  issue (care planning, placement, education, health, contact, permanence, delay, other).
- contacts (`iro_contacts.csv`): CHILD, IRO, DATE and TYPE (visit, phone, video or
  virtual) required; NOTES. One row per child, day and type.

IRO: initials or a code (up to 20 characters), not a full name. A row already in the
register updates it (columns the file lacks are kept); bad rows are quarantined with file,
row, column and what was expected; a file without its required columns imports nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from csc_insight.common.report import Report
from csc_insight.formats.tabular import Column, normalise_heading
from csc_insight.registers.iro_models import (
    ContactKind,
    EscalationCategory,
    EscalationOutcome,
    EscalationStage,
    IroContact,
    IroEscalation,
)
from csc_insight.registers.missing_import import ImportResult, save_quarantined
from csc_insight.registers.register_file import read_register, words
from csc_insight.registers.rows import read_rows

REGISTER = "iro"
IRO_LENGTH = 20


def _choices(choices: Any, **more: str) -> dict[str, str]:
    """Each choice's value and label, and the other words given, as its value."""
    found = {value: value for value in choices.values}
    found.update({str(label): value for value, label in choices.choices})
    found.update(more)
    return found


STAGES = _choices(
    EscalationStage,
    informal="informal",
    stage_1="stage_1",
    stage1="stage_1",
    **{"1": "stage_1", "2": "stage_2", "3": "stage_3"},
    formal_stage_1="stage_1",
    formal_stage_2="stage_2",
    formal_stage_3="stage_3",
)
CATEGORIES = _choices(
    EscalationCategory,
    care_plan="care_planning",
    family_time="contact",
    drift="delay",
)
OUTCOMES = _choices(EscalationOutcome, not_resolved="not_resolved", partly_resolved="partly")
KINDS = _choices(
    ContactKind,
    face_to_face="visit",
    telephone="phone",
    video="virtual",
    virtual="virtual",
    online="virtual",
)


def _iro(text: str) -> object:
    name = " ".join(text.split())
    return name if 0 < len(name) <= IRO_LENGTH else None


IRO = Column(
    "IRO",
    "iro",
    required=True,
    not_null=True,
    parse=_iro,
    describe=f"the IRO's initials or code, up to {IRO_LENGTH} characters",
)
CHILD = Column("CHILD", "child_id", required=True, not_null=True, describe="a child ID")
ESCALATIONS = [
    CHILD,
    IRO,
    Column("RAISED", "raised_on", "date", required=True, not_null=True),
    Column(
        "ISSUE",
        "category",
        "code",
        required=True,
        not_null=True,
        parse=words(CATEGORIES),
        describe="care planning, placement, education, health, contact, permanence, delay or other",
    ),
    Column(
        "STAGE",
        "stage",
        "code",
        parse=words(STAGES),
        describe="informal, stage 1, stage 2, stage 3 or Cafcass",
    ),
    Column("STAGE_DATE", "stage_on", "date"),
    Column("RESOLVED", "resolved_on", "date"),
    Column(
        "OUTCOME",
        "outcome",
        "code",
        parse=words(OUTCOMES),
        describe="resolved, partly resolved, not resolved or withdrawn",
    ),
    Column("NOTES", "notes"),
]
CONTACTS = [
    CHILD,
    IRO,
    Column("DATE", "contact_on", "date", required=True, not_null=True),
    Column(
        "TYPE",
        "kind",
        "code",
        required=True,
        not_null=True,
        parse=words(KINDS),
        describe="visit, phone or video",
    ),
    Column("NOTES", "notes"),
]


def _escalation_checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []
    raised, stage_on = values.get("raised_on"), values.get("stage_on")
    if isinstance(stage_on, date) and isinstance(raised, date) and stage_on < raised:
        found.append(
            ("stage_on", "before_raised", f"a date on or after RAISED ({raised:%d/%m/%Y})")
        )
    start = stage_on if isinstance(stage_on, date) else raised
    resolved = values.get("resolved_on")
    if isinstance(resolved, date) and isinstance(start, date) and resolved < start:
        found.append(
            (
                "resolved_on",
                "before_stage",
                f"a date on or after {'STAGE_DATE' if stage_on else 'RAISED'} ({start:%d/%m/%Y})",
            )
        )
    if "outcome" in values and "resolved_on" in values:
        if values["outcome"] and not resolved:
            found.append(("resolved_on", "missing_value", "the date resolved with an OUTCOME"))
        elif resolved and not values["outcome"]:
            found.append(("outcome", "missing_value", "an OUTCOME with the date resolved"))
    if values.get("stage") is None and "stage" in values:
        values["stage"] = EscalationStage.INFORMAL  # blank: informal
    if values.get("outcome") is None and "outcome" in values:
        values["outcome"] = ""  # the field is text
    return found


def which(path: Path) -> str:
    """'escalations' or 'contacts': the part of the register the file holds, by its
    headings (a RAISED heading: escalations)."""
    rows = read_rows(path, Report()) or [[]]
    headings = {normalise_heading(h) for h in (rows[0] if rows else [])}
    return "escalations" if "raised" in headings else "contacts"


def import_file(path: Path, username: str = "", user: Any = None) -> ImportResult:
    """Import an escalations or contacts file (by its headings): good rows saved (new or
    updated), bad rows quarantined."""
    part = which(path)
    result = ImportResult()
    if part == "escalations":
        read = read_register(
            path,
            ESCALATIONS,
            ("child_id", "raised_on", "category"),
            result.report,
            _escalation_checks,
            key_words="child, day raised and issue",
        )
    else:
        read = read_register(
            path,
            CONTACTS,
            ("child_id", "contact_on", "kind"),
            result.report,
            key_words="child, day and type",
        )
    if read is None:
        result.read = False
        return result
    good, bad = read
    with transaction.atomic():
        for values in good:
            values.pop("_row")
            if part == "escalations":
                key = {k: values.pop(k) for k in ("child_id", "raised_on", "category")}
                _, made = IroEscalation.objects.update_or_create(
                    **key, defaults=values, create_defaults={**values, "created_by": user}
                )
            else:
                key = {k: values.pop(k) for k in ("child_id", "contact_on", "kind")}
                _, made = IroContact.objects.update_or_create(**key, defaults=values)
            result.created += made
            result.updated += not made
        result.quarantined = save_quarantined(REGISTER, path.name, bad, username)
    return result
