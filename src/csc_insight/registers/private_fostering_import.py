"""Importing the private fostering register and its awareness activity from CSV or XLSX
(read by register_file.py).

The register, one row per arrangement (child and date notified): CHILD and NOTIFIED
required; NOTIFIED_BY, INITIAL_VISIT, ASSESSMENT_COMPLETED, VISITS (the visits after the
initial one, dates separated by ';'), ENDED, END_REASON, NOTES optional. Every date is on
or after NOTIFIED and no visit comes after ENDED. A row for an arrangement already in the
register updates it; its VISITS are added to the visits already recorded.

The awareness activity, one row per activity (date and title): DATE, KIND (training,
PF week, briefing, campaign or other) and TITLE required; AUDIENCE, ATTENDEES (a whole
number), NOTES optional.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from csc_insight.formats.tabular import Column
from csc_insight.registers.missing_import import ImportResult, save_quarantined
from csc_insight.registers.models import (
    AwarenessActivity,
    AwarenessKind,
    PrivateFostering,
    PrivateFosteringVisit,
)
from csc_insight.registers.register_file import date_list, read_register, whole_number, words

REGISTER = "private_fostering"
AWARENESS = "pf_awareness"

COLUMNS = [
    Column("CHILD", "child_id", required=True, not_null=True, describe="a child ID"),
    Column("NOTIFIED", "notified_on", "date", required=True, not_null=True),
    Column("NOTIFIED_BY", "notified_by"),
    Column("INITIAL_VISIT", "initial_visit_on", "date"),
    Column("ASSESSMENT_COMPLETED", "assessment_completed_on", "date"),
    Column(
        "VISITS",
        "visits",
        "date",  # blank: no visits (None); `parse` reads the list
        parse=date_list,
        describe="dates as dd/mm/yyyy separated by ';'",
    ),
    Column("ENDED", "ended_on", "date"),
    Column("END_REASON", "end_reason"),
    Column("NOTES", "notes"),
]
AFTER_NOTIFIED = ("initial_visit_on", "assessment_completed_on", "ended_on")

KINDS = {value: value for value in AwarenessKind.values} | {
    str(label): value for value, label in AwarenessKind.choices
}
KINDS |= {
    "pf week": "pf_week",
    "private fostering week": "pf_week",
    "training": "training",
    "briefing": "briefing",
    "campaign": "campaign",
}
AWARENESS_COLUMNS = [
    Column("DATE", "held_on", "date", required=True, not_null=True),
    Column(
        "KIND",
        "kind",
        "code",
        required=True,
        not_null=True,
        parse=words(KINDS),
        describe="training, PF week, briefing, campaign or other",
    ),
    Column("TITLE", "title", required=True, not_null=True, describe="what the activity was"),
    Column("AUDIENCE", "audience"),
    Column("ATTENDEES", "attendees", "int", parse=whole_number, describe="a whole number"),
    Column("NOTES", "notes"),
]


def _checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []
    notified, ended = values.get("notified_on"), values.get("ended_on")
    if not isinstance(notified, date):
        return found
    after = f"a date on or after NOTIFIED ({notified:%d/%m/%Y})"
    for name in AFTER_NOTIFIED:
        later = values.get(name)
        if isinstance(later, date) and later < notified:
            found.append((name, "before_notified", after))
    visits = values.get("visits") or []
    if any(v < notified for v in visits):
        found.append(
            ("visits", "before_notified", f"dates on or after NOTIFIED ({notified:%d/%m/%Y})")
        )
    elif isinstance(ended, date) and any(v > ended for v in visits):
        found.append(("visits", "after_ended", f"dates on or before ENDED ({ended:%d/%m/%Y})"))
    return found


def import_file(path: Path, username: str = "", user: Any = None) -> ImportResult:
    """Import the register file: good rows saved (new or updated), bad rows quarantined."""
    result = ImportResult()
    read = read_register(
        path,
        COLUMNS,
        ("child_id", "notified_on"),
        result.report,
        _checks,
        key_words="child and date notified",
    )
    if read is None:
        result.read = False
        return result
    good, bad = read
    with transaction.atomic():
        for values in good:
            values.pop("_row")
            visits = values.pop("visits", None) or []
            key = {k: values.pop(k) for k in ("child_id", "notified_on")}
            row, made = PrivateFostering.objects.update_or_create(
                **key, defaults=values, create_defaults={**values, "created_by": user}
            )
            for day in visits:
                PrivateFosteringVisit.objects.get_or_create(arrangement=row, visited_on=day)
            if made:
                result.created += 1
            else:
                result.updated += 1
        result.quarantined = save_quarantined(REGISTER, path.name, bad, username)
    return result


def import_awareness(path: Path, username: str = "") -> ImportResult:
    """Import awareness activity: one row per date and title; a row already kept updates it."""
    result = ImportResult()
    read = read_register(
        path,
        AWARENESS_COLUMNS,
        ("held_on", "title"),
        result.report,
        key_words="date and title",
    )
    if read is None:
        result.read = False
        return result
    good, bad = read
    with transaction.atomic():
        for values in good:
            values.pop("_row")
            key = {k: values.pop(k) for k in ("held_on", "title")}
            _, made = AwarenessActivity.objects.update_or_create(**key, defaults=values)
            if made:
                result.created += 1
            else:
                result.updated += 1
        result.quarantined = save_quarantined(AWARENESS, path.name, bad, username)
    return result
