"""The service plan progress report: a plan's RAG summary, movement since the last meeting,
overdue actions, and the plan table as its appendix (the layout of reports.plan_docx).

Works on plain data (`PlanDocument` and `ActionState`s from csc_insight.plans), so the web
app and the command line build it the same way (web.committee.sources.plan_inputs).
"""

from __future__ import annotations

from datetime import date

from csc_insight.plans import summary
from csc_insight.plans.document import PlanDocument
from csc_insight.plans.export_docx import COLUMNS
from csc_insight.plans.export_xlsx import comments_text
from csc_insight.plans.rag import LABELS, Rag
from csc_insight.reports.disclosure import configured_rule
from csc_insight.reports.paper import (
    Appendix,
    Block,
    Bullets,
    Grid,
    Heading,
    Meta,
    Narrative,
    Paper,
    Para,
)


def _when(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def default_narrative(plan: PlanDocument, states: list[summary.ActionState]) -> Narrative:
    name = plan.header.name
    return Narrative(
        summary=(
            f"This report updates Members on progress against the {name}: "
            f"{summary.completed_text(states)}."
        ),
        recommendations=f"Note the progress made against the {name}.",
        background=(
            f"The {name} sets out the actions the service is taking"
            + (
                f", monitored by the {plan.header.monitoring_board}."
                if plan.header.monitoring_board
                else "."
            )
        ),
        current_position="Progress by RAG rating, the movement since the last meeting and "
        "the overdue actions are set out below.",
        implications="",
        conclusion=(
            f"Progress against the {name} is set out above: {summary.completed_text(states)}."
        ),
    )


def _source(text: str) -> str:
    """'Performance indicator: care_leavers_eet_pct' -> 'Performance indicator: Care leavers
    in education, employment or training' (the catalogue's title; the id when unknown)."""
    kind, _, ref = text.partition(": ")
    if not ref or " " in ref:
        return text
    from csc_insight.indicators import get

    try:
        return f"{kind}: {get(ref).title}"
    except KeyError:
        return text


def plan_table(plan: PlanDocument) -> list[Block]:
    """The plan as its appendix: one table per section, columns as reports.plan_docx."""
    blocks: list[Block] = []
    for section in plan.sections:
        rows = [
            [
                a.ref,
                a.specific_aim,
                _source(a.source),
                a.action,
                a.measure,
                _when(a.due),
                a.lead_text,
                comments_text(a.comments),
                LABELS[a.rag],
            ]
            for a in section.actions
        ]
        blocks.append(Grid(section.title, [title for title, _ in COLUMNS], rows))
    return blocks


def plan_report(
    plan: PlanDocument,
    states: list[summary.ActionState],
    meeting: date,
    on: date,
    last_meeting: date | None = None,
    narrative: Narrative | None = None,
    meta: Meta | None = None,
) -> Paper:
    """Progress on `on` (usually the report date), movement since `last_meeting`."""
    counts = summary.rag_counts(states)
    by_section = summary.by_section(states)
    body: list[Block] = [
        Heading("Progress", 3),
        Para(f"{summary.completed_text(states)}."),
        Grid(
            "Actions by RAG rating",
            ["Section", *(LABELS[r] for r in Rag), "Total"],
            [
                [name, *(str(c[r]) for r in Rag), str(sum(c.values()))]
                for name, c in by_section.items()
            ]
            + [["All sections", *(str(counts[r]) for r in Rag), str(sum(counts.values()))]],
        ),
    ]
    if last_meeting is not None:
        moves = summary.movement_lines(summary.movement(states, last_meeting))
        body += [
            Heading(f"Movement since {_when(last_meeting)}", 3),
            Bullets(moves) if moves else Para("No action changed its rating."),
        ]
    late = summary.overdue(states, on)
    by_key = {s.key: s for s in states}
    rows = {a.ref: a for a in plan.actions()}
    if late:
        body.append(
            Grid(
                f"Overdue actions on {_when(on)}: {len(late)}",
                ["Ref", "Action", "Due", "Lead", "RAG"],
                [
                    [
                        s.ref,
                        rows[s.ref].action if s.ref in rows else "",
                        _when(s.due),
                        ", ".join(by_key[s.key].leads),
                        LABELS[s.rag],
                    ]
                    for s in late
                ],
            )
        )
    else:
        body += [Heading(f"Overdue actions on {_when(on)}", 3), Para("No action is overdue.")]
    return Paper(
        kind="plan",
        subject=f"{plan.header.name}: progress report",
        meeting=meeting,
        public=True,
        meta=meta or Meta(),
        narrative=narrative or default_narrative(plan, states),
        body=body,
        disclosure=configured_rule(),
        appendices=[Appendix(f"Appendix 1: {plan.header.name}", plan_table(plan), landscape=True)],
    )
