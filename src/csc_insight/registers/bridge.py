"""The registers published for the indicator engine: after every change to a register (an
import, a form saved, an entry deleted, from the web or the command line) the rows the
register indicators read are written to `$CSC_INSIGHT_HOME/registers.duckdb`
(store/register_tables.py), which the engine attaches as `registers`.

One mechanism, so that no path can forget it: Django's post_save and post_delete signals of
every register model (`MODELS`) schedule a publish for when the transaction commits; an
import of a thousand rows in one transaction publishes once. A queryset's update and bulk
creation send no signals, so the registers' code never uses them
(tests/web/registers/test_bridge.py fails on a model left out or a call that bypasses them).

A register is kept (its tables are in the file, and its figures read 0 rather than "no data
(register not kept)" when nothing happened) once anything was imported into it, even a
file of headings only, or saved in it; deleting every entry leaves it kept (KeptRegister).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import models, transaction
from django.db.models import Min
from django.db.models.signals import post_delete, post_save

from csc_insight.indicators.periods import fy_start_year
from csc_insight.registers import champions, virtual_school
from csc_insight.registers.iro_models import IroContact, IroEscalation
from csc_insight.registers.models import (
    AssuranceReturn,
    AwarenessActivity,
    Champion,
    CmeEntry,
    Department,
    KeptRegister,
    LadoContact,
    MissingEpisode,
    PrivateFostering,
    PrivateFosteringVisit,
    Provider,
    ProviderInspection,
    ProviderVisit,
    QuarantinedRow,
    TrainingRecord,
)
from csc_insight.registers.virtual_school_models import (
    VsActivity,
    VsAttendance,
    VsExclusion,
    VsPep,
    VsPlacement,
    VsResult,
    VsSchool,
)
from csc_insight.store import register_tables

logger = logging.getLogger(__name__)

# Every model of the registers, by the register (services.KINDS) it belongs to.
MODELS: dict[type[models.Model], str] = {
    MissingEpisode: "missing",
    CmeEntry: "cme",
    LadoContact: "lado",
    PrivateFostering: "private-fostering",
    PrivateFosteringVisit: "private-fostering",
    AwarenessActivity: "private-fostering",
    Provider: "providers",
    ProviderInspection: "providers",
    ProviderVisit: "providers",
    Department: "champions",
    Champion: "champions",
    AssuranceReturn: "champions",
    TrainingRecord: "champions",
    IroEscalation: "iro",
    IroContact: "iro",
    VsSchool: "virtual-school",
    VsPlacement: "virtual-school",
    VsPep: "virtual-school",
    VsAttendance: "virtual-school",
    VsExclusion: "virtual-school",
    VsResult: "virtual-school",
    VsActivity: "virtual-school",
}
# Models whose changes publish nothing of their own: quarantined rows are not entries.
# KeptRegister publishes (a register newly kept gets its tables) but belongs to none.
NOT_ENTRIES = (QuarantinedRow, KeptRegister)
# The names the imports file their quarantined rows under, where they differ from the kind.
IMPORT_REGISTERS = {
    "private_fostering": "private-fostering",
    "pf_awareness": "private-fostering",
    "virtual_school": "virtual-school",
}

_state = threading.local()  # Django's transactions are per thread: so are the counters


def _none_if_blank(value: Any) -> Any:
    return None if value == "" else value


def _half_years(days: Iterable[date], today: date) -> list[tuple[str, date, date, date]]:
    """Every financial half-year from the year before the earliest day (or today) to the
    year after the latest, with the day its assurance return is due."""
    known = [*days, today]
    rows = []
    for year in range(fy_start_year(min(known)) - 1, fy_start_year(max(known)) + 2):
        for half in champions.halves_of_year(year):
            rows.append((half.label, half.start, half.end, half.due))
    return rows


def tables(today: date | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every register table's rows (store/register_tables.TABLES), from the database."""
    from csc_insight.registers.services import today as service_today

    found: dict[str, list[tuple[Any, ...]]] = {
        "missing_episodes": list(
            MissingEpisode.objects.order_by("child_id", "start").values_list(
                "child_id",
                "missing_from",
                "start",
                "reported_on",
                "returned_on",
                "rhi_offered_on",
                "rhi_accepted",
                "rhi_held_on",
                "lead_member_notified_on",
            )
        ),
        "cme_entries": list(
            CmeEntry.objects.order_by("child_id", "category", "start").values_list(
                "child_id", "category", "start", "end", "attendance"
            )
        ),
        "lado_contacts": [
            (*row[:6], _none_if_blank(row[6]), row[7])
            for row in LadoContact.objects.order_by("reference").values_list(
                "reference",
                "received_on",
                "sector",
                "category",
                "met_threshold",
                "initial_meeting_on",
                "outcome",
                "concluded_on",
            )
        ],
        "private_fostering": list(
            PrivateFostering.objects.order_by("child_id", "notified_on").values_list(
                "child_id", "notified_on", "initial_visit_on", "assessment_completed_on", "ended_on"
            )
        ),
        "providers": list(Provider.objects.order_by("urn").values_list("urn", "name", "kind")),
        "provider_inspections": list(
            ProviderInspection.objects.order_by("provider__urn", "inspected_on").values_list(
                "provider__urn", "inspected_on", "rating"
            )
        ),
        "departments": [
            (n,) for n in Department.objects.order_by("name").values_list("name", flat=True)
        ],
        "assurance_returns": list(
            AssuranceReturn.objects.order_by("department__name", "half_year").values_list(
                "department__name", "half_year", "received_on", "assurance"
            )
        ),
        "iro_escalations": [
            (*row[:6], _none_if_blank(row[6]))
            for row in IroEscalation.objects.order_by(
                "child_id", "raised_on", "category"
            ).values_list(
                "child_id",
                "raised_on",
                "category",
                "stage",
                "stage_on",
                "resolved_on",
                "outcome",
            )
        ],
        "iro_contacts": list(
            IroContact.objects.order_by("child_id", "contact_on", "kind").values_list(
                "child_id", "contact_on"
            )
        ),
        "vs_peps": [
            (child, held_on, _none_if_blank(grade))
            for child, held_on, grade in VsPep.objects.order_by("child_id", "held_on").values_list(
                "child_id", "held_on", "grade"
            )
        ],
        "vs_attendance": [
            (child, year, term, _term_end(year, term), percent)
            for child, year, term, percent in VsAttendance.objects.order_by(
                "child_id", "year", "term"
            ).values_list("child_id", "year", "term", "percent")
        ],
        "vs_exclusions": list(
            VsExclusion.objects.order_by("child_id", "start", "kind").values_list(
                "child_id", "start", "kind", "days"
            )
        ),
    }
    champion_days = [d for m, r in MODELS.items() if r == "champions" for d in _first_days(m)]
    found["half_years"] = _half_years(champion_days, today or service_today())
    return found


def _term_end(year: str, term: str) -> date | None:
    """The last day of a school term (registers/virtual_school.py: autumn to 31 December,
    spring to 31 March, summer to 31 August); None for a year or term that is no such."""
    try:
        terms = virtual_school.parse_school_year(year).terms()
    except virtual_school.SchoolYearError:
        return None
    return next((t.end for t in terms if t.name == term), None)


def _first_days(model: type[models.Model]) -> list[date]:
    """The earliest value of each of the model's date fields (those holding any)."""
    fields = [f.name for f in model._meta.get_fields() if isinstance(f, models.DateField)]
    fields = [f for f in fields if not isinstance(model._meta.get_field(f), models.DateTimeField)]
    if not fields:
        return []
    found = model.objects.aggregate(**{f: Min(f) for f in fields})
    return [d for d in found.values() if d is not None]


def first_day(register: str) -> date | None:
    """The earliest date on record in a register (None when it holds none)."""
    days = [d for m, r in MODELS.items() if r == register for d in _first_days(m)]
    return min(days) if days else None


def kept() -> dict[str, date | None]:
    """Each kept register with its earliest date on record (None when it holds none): those
    marked kept, and those holding any entry (marked now, so that deleting every entry
    later leaves them kept)."""
    # an import marked under its own name before IMPORT_REGISTERS knew it counts as its kind
    marked = {
        IMPORT_REGISTERS.get(r, r) for r in KeptRegister.objects.values_list("register", flat=True)
    }
    holding = {r for m, r in MODELS.items() if m.objects.exists()}
    for register in sorted(holding - marked):
        KeptRegister.objects.get_or_create(register=register)
    return {register: first_day(register) for register in sorted(marked | holding)}


def publish(today: date | None = None) -> bool:
    """Write the kept registers' tables for the indicators; False when nothing changed."""
    _state.publishing = True
    try:
        kept_now = kept()
        rows = {
            name: found
            for name, found in tables(today).items()
            if register_tables.TABLES[name].register in kept_now
        }
        return register_tables.write(rows, kept_now)
    finally:
        _state.publishing = False


def mark_kept(register: str) -> None:
    """Mark a register kept (an import into it, even of no rows); publishes on commit."""
    KeptRegister.objects.get_or_create(register=IMPORT_REGISTERS.get(register, register))


def _publish_after(change: int) -> None:
    if getattr(_state, "published", 0) >= change:
        return  # published already, after this change was committed
    _state.published = getattr(_state, "changes", 0)
    try:
        publish()
    except Exception:  # the change is saved; the figures catch up at the next publish
        logger.exception("could not publish the registers for the indicators")


def changed(sender: type[models.Model], using: str | None = None, **_: Any) -> None:
    """Signal receiver: publish when the change's transaction commits (once for all the
    changes in it)."""
    if getattr(_state, "publishing", False):
        return  # publish() marking a register kept
    change = getattr(_state, "changes", 0) + 1
    _state.changes = change
    transaction.on_commit(lambda: _publish_after(change), using=using)


def connect() -> None:
    """Connect `changed` to every register model's post_save and post_delete (apps.py)."""
    for model in (*MODELS, KeptRegister):
        uid = f"registers-bridge-{model.__name__}"
        post_save.connect(changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(changed, sender=model, dispatch_uid=uid + "-delete")
