"""What the plan pages and the command line do to plans, in one place: import and export,
summaries, RAG changes, edits guarded by the version number, reordering, leads."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from csc_insight.access.roles import Role
from csc_insight.common.report import Report
from csc_insight.plans import document as doc
from csc_insight.plans import summary
from csc_insight.plans.models import Action, Lead, Plan, Section, Update
from csc_insight.plans.rag import Rag
from csc_insight.plans.spreadsheet import read_plan, split_leads

EDITABLE = (
    "section_id",
    "ref",
    "specific_aim",
    "source_type",
    "source_reference",
    "indicator_id",
    "action",
    "measure",
    "start",
    "due",
    "area_lead",
)


class EditConflict(Exception):
    """Someone else saved the action after this edit began."""


def today() -> date:
    """Today, or the day set by CSC_INSIGHT_TODAY (a demo on historic data)."""
    from csc_insight.settings import fixed_today

    return fixed_today() or timezone.localdate()


def may_edit(user: Any, action: Action) -> bool:
    """Administrators edit everything; a lead edits the actions they lead."""
    if not user.is_authenticated:
        return False
    return user.role == Role.ADMINISTRATOR or action.leads.filter(user=user).exists()


def leads_named(names: Iterable[str]) -> list[Lead]:
    return [Lead.objects.get_or_create(name=n)[0] for n in dict.fromkeys(names) if n]


def leads_from_text(text: str) -> list[Lead]:
    return leads_named(split_leads(text))


# --- Reading ---------------------------------------------------------------------------


def actions_of(plan: Plan) -> list[Action]:
    return list(plan.actions.select_related("section").prefetch_related("leads", "updates"))


def state(action: Action) -> summary.ActionState:
    return summary.ActionState(
        key=action.pk,
        ref=action.ref,
        section=action.section.title,
        rag=Rag(action.rag),
        due=action.due,
        leads=tuple(lead.name for lead in action.leads.all()),
        history=tuple((u.on, Rag(u.rag)) for u in action.updates.all()),
    )


def at_a_glance(plan: Plan, actions: list[Action], on: date) -> dict[str, Any]:
    """Everything the summary panel shows, for these actions on this day."""
    states = [state(a) for a in actions]
    by_key = {a.pk: a for a in actions}
    last_review = plan.reviews.filter(held_on__lte=on).order_by("-held_on", "-pk").first()
    moves = summary.movement(states, last_review.held_on) if last_review else None
    return {
        "rag": summary.rag_counts(states),
        "sections": summary.by_section(states),
        "leads": summary.by_lead(states),
        "completed": summary.completed_text(states),
        "overdue": [by_key[s.key] for s in summary.overdue(states, on)],
        "due_soon": [by_key[s.key] for s in summary.due_soon(states, on)],
        "last_review": last_review,
        "movement": summary.movement_lines(moves) if moves is not None else None,
    }


def to_document(plan: Plan) -> doc.PlanDocument:
    header = doc.Header(**{attr: getattr(plan, attr) for attr, _ in doc.HEADER_FIELDS})
    sections = []
    for section in plan.sections.prefetch_related("actions__leads", "actions__updates"):
        rows = [
            doc.ActionRow(
                section=section.title,
                ref=a.ref,
                action=a.action,
                rag=Rag(a.rag),
                specific_aim=a.specific_aim,
                source=a.source_text,
                measure=a.measure,
                start=a.start,
                due=a.due,
                leads=tuple(x.name for x in a.leads.all()),
                area_lead=a.area_lead,
                comments=[
                    doc.Comment(u.comment, u.on, Rag(u.rag)) for u in a.updates.all() if u.comment
                ],
            )
            for a in section.actions.order_by("position", "pk")
        ]
        sections.append(doc.Section(section.title, rows))
    return doc.PlanDocument(header, sections)


# --- Writing ---------------------------------------------------------------------------


def add_section(plan: Plan, title: str) -> Section:
    last = plan.sections.aggregate(m=Max("position"))["m"]
    return Section.objects.create(plan=plan, title=title, position=(last or 0) + 1)


@transaction.atomic
def add_action(
    plan: Plan,
    fields: dict[str, Any],
    leads: list[Lead],
    rag: Rag,
    comment: str = "",
    user: Any = None,
    on: date | None = None,
) -> Action:
    rag = Rag(rag)
    last = Action.objects.filter(section_id=fields["section_id"]).aggregate(m=Max("position"))["m"]
    action = Action.objects.create(
        plan=plan,
        position=(last or 0) + 1,
        rag=rag,
        closed_on=(on or today()) if rag is Rag.BLUE else None,
        **fields,
    )
    action.leads.set(leads)
    Update.objects.create(
        action=action,
        on=on or today(),
        rag=rag,
        comment=comment,
        by=user if user is not None and user.pk else None,
    )
    return action


@transaction.atomic
def save_action(
    action: Action, version: int, fields: dict[str, Any], leads: list[Lead] | None = None
) -> None:
    """Save edited fields, unless someone else saved the action since `version`."""
    done = Action.objects.filter(pk=action.pk, version=version).update(
        version=F("version") + 1, **fields
    )
    if not done:
        raise EditConflict
    if leads is not None:
        action.leads.set(leads)


@transaction.atomic
def record_update(
    action: Action, version: int, rag: Rag, comment: str, on: date, user: Any
) -> Update:
    """A dated comment, changing the RAG when `rag` differs; guarded like `save_action`."""
    rag = Rag(rag)
    closed_on = on if rag is Rag.BLUE else None
    done = Action.objects.filter(pk=action.pk, version=version).update(
        version=F("version") + 1, rag=rag, closed_on=closed_on
    )
    if not done:
        raise EditConflict
    return Update.objects.create(
        action=action,
        on=on,
        rag=rag,
        previous_rag=action.rag,
        comment=comment,
        by=user if user is not None and user.pk else None,
    )


@transaction.atomic
def move(action: Action, step: int) -> None:
    """Swap the action with its neighbour above (step -1) or below (step 1) in its section."""
    siblings = list(
        Action.objects.select_for_update()
        .filter(section_id=action.section_id)
        .order_by("position", "pk")
    )
    index = next(i for i, a in enumerate(siblings) if a.pk == action.pk)
    other = index + step
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, item in enumerate(siblings, start=1):
        if item.position != position:
            Action.objects.filter(pk=item.pk).update(position=position)


@transaction.atomic
def import_document(plan_doc: doc.PlanDocument, user: Any = None, on: date | None = None) -> Plan:
    """Store a plan read from a file, all or nothing; comments are dated `on` (today)."""
    on = on or today()
    header = plan_doc.header
    plan = Plan.objects.create(
        **{
            attr: getattr(header, attr)
            or ("" if attr not in ("implementation_date", "review_date") else None)
            for attr, _ in doc.HEADER_FIELDS
        }
    )
    for section_doc in plan_doc.sections:
        section = add_section(plan, section_doc.title)
        for row in section_doc.actions:
            fields = {
                "section_id": section.pk,
                "ref": row.ref,
                "specific_aim": row.specific_aim,
                "source_reference": row.source,
                "action": row.action,
                "measure": row.measure,
                "start": row.start,
                "due": row.due,
                "area_lead": row.area_lead,
                "source_type": "other" if row.source else "",
            }
            comment = "\n".join(c.text for c in row.comments)
            add_action(plan, fields, leads_named(row.leads), row.rag, comment, user, on)
    return plan


def import_file(
    path: Path, name: str | None = None, user: Any = None, save: bool = True
) -> tuple[doc.PlanDocument | None, Plan | None, Report]:
    """Read a plan file; when it reads cleanly and `save`, store it in one transaction.

    Returns (what was read, the stored plan or None, the report of what could not be read).
    """
    report = Report()
    plan_doc = read_plan(path, report, name)
    if plan_doc is None or not report.ok or not save:
        return plan_doc, None, report
    return plan_doc, import_document(plan_doc, user), report
