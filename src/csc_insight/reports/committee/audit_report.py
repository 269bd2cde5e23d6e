"""The quality assurance report from an audit round (the shape of seed 002's "Quality
Assurance Report on Audits Completed December 2019"): cases audited by type, grades by
section with the share Good or better, themes, findings and the plan actions they became.

Built from the audit library's round report (csc_insight.web.audits.services.report: plain
aggregates and the QA lead's words, no child ids). The paper is Public, so every count goes
through disclosure control: a round of nine audits will show most grade counts as 'c'.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from csc_insight.reports.committee.document import (
    Block,
    Bullets,
    Grid,
    Heading,
    Meta,
    Narrative,
    Paper,
    Para,
    paragraphs,
)
from csc_insight.reports.disclosure import DEFAULT, SYMBOL, Rule, count_text, protect


def default_narrative(report: Any, rule: Rule = DEFAULT) -> Narrative:
    s = report.summary
    return Narrative(
        summary=report.summary_text or (
            f"{report.title}: {count_text(s.completed, rule)} case-file audits completed"
            + (f" by {report.auditors} auditor{'s' if report.auditors != 1 else ''}."
               if report.auditors else ".")),
        recommendations="Note the report.",
        background=("Case files are audited each quarter against the audit form's sections, "
                    "graded Outstanding, Good, Requires improvement or Inadequate, and "
                    "moderated."),
        current_position="The grades and the themes from this round are set out below.",
        implications="",
        conclusion=("The grades, themes and findings of this round are set out above, with "
                    "the plan actions the findings became."),
    )


def audit_report(report: Any, meeting: date, narrative: Narrative | None = None,
                 meta: Meta | None = None, rule: Rule = DEFAULT) -> Paper:
    s = report.summary
    types = [(label, n) for label, n in s.by_type]
    by_type = protect(["Cases"], [label for label, _ in types], [[n for _, n in types]], rule)
    grades = protect([row.label for row in s.grades], list(s.grade_labels),
                     [row.counts for row in s.grades], rule)
    rows = []
    for i, row in enumerate(s.grades):
        good = row.good_or_better
        hidden = grades.row_total(i) == SYMBOL or any(grades.suppressed[i]) or good is None
        rows.append([row.label, *(grades.cell(i, j) for j in range(len(s.grade_labels))),
                     grades.row_total(i) if grades.shows_row_totals else str(row.graded),
                     "-" if good is None else (SYMBOL if hidden else f"{good:g}%")])
    body: list[Block] = [
        Heading("Audits in this round", 3),
        Para(f"{count_text(s.completed, rule)} of {count_text(s.cases, rule)} sampled cases "
             "audited."),
        Grid("Cases sampled by type", ["", *by_type.columns, "Total"],
             [["Cases", *(by_type.cell(0, j) for j in range(len(types))),
               by_type.row_total(0)]]),
        Grid("Grades by section", ["Section", *s.grade_labels, "Graded", "Good or better"],
             rows),
        Heading("Themes", 3),
        Bullets(list(s.themes)) if s.themes else Para("No theme recurred across the audits."),
        Heading("Findings and actions", 3),
    ]
    if report.findings:
        body.append(Grid("Findings", ["Finding", "Plan action"],
                         [[text, action or "None yet"] for text, action in report.findings]))
    else:
        body.append(Para("No findings recorded."))
    if paragraphs(report.recommendations):
        body += [Heading("What the auditors recommend", 3),
                 Bullets(paragraphs(report.recommendations))]
    body.append(Para(f"Immediate concerns escalated: {count_text(s.concerns, rule)}. "
                     f"Audits moderated: {count_text(s.moderated, rule)}."))
    return Paper(kind="audit", subject=f"Quality assurance report: {report.title}",
                 meeting=meeting, public=True, meta=meta or Meta(),
                 narrative=narrative or default_narrative(report, rule), body=body,
                 period=report.quarter, snapshot=report.snapshot_id or None,
                 notes=[rule.note])
