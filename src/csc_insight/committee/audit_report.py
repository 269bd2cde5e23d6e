"""The quality assurance report from an audit round (the shape of seed 002's "Quality
Assurance Report on Audits Completed December 2019"): cases audited by type, grades by
section with the share Good or better, themes, findings and the plan actions they became.

Built from the audit library's round report (csc_insight.audits.services.report: plain
aggregates and the QA lead's words, no child ids). The paper is Public, so every count goes
through disclosure control (`shown_summary`, which the round report pages use for Members
too): a round of nine audits will show most grade counts as 'c'.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from csc_insight.audits.summary import GradeRow, RoundSummary, theme_lines
from csc_insight.reports.disclosure import SYMBOL, Rule, configured_rule, count_text, protect
from csc_insight.reports.paper import (
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


def shown_summary(summary: RoundSummary, rule: Rule) -> RoundSummary:
    """The round's summary as a suppressing audience sees it: counts of cases by type (with
    the number sampled as their total) and grades by section (with the number graded per
    section as row totals) through `protect`; '% Good or better' hidden when a count in its
    row or the row's total is; single counts in sentences written "fewer than 6". Shown
    counts stay numbers; hidden ones become text ('c' or 'fewer than 6')."""

    def said(n: int) -> int | str:
        return f"fewer than {rule.threshold + 1}" if rule.small(n) else n

    labels = [label for label, _ in summary.by_type]
    types = protect(labels, ["Cases"], [[n] for _, n in summary.by_type], rule)
    grades = protect(
        [row.label for row in summary.grades],
        list(summary.grade_labels),
        [row.counts for row in summary.grades],
        rule,
    )
    rows = []
    for i, row in enumerate(summary.grades):
        hidden = grades.row_total_suppressed[i] or any(grades.suppressed[i])
        rows.append(
            GradeRow(
                row.label,
                [SYMBOL if grades.suppressed[i][j] else n for j, n in enumerate(row.counts)],
                SYMBOL if grades.row_total_suppressed[i] else row.graded,  # type: ignore[arg-type]
                None if row.good_or_better is None else (SYMBOL if hidden else row.good_or_better),
            )
        )  # type: ignore[arg-type]
    # The number completed is the graded total of every fully graded section: hidden
    # with it, else one could subtract.
    completed: int | str = said(summary.completed)
    if any(
        grades.row_total_suppressed[i] and row.graded == summary.completed
        for i, row in enumerate(summary.grades)
    ):
        completed = SYMBOL
    cases = SYMBOL if types.column_total_suppressed[0] else said(summary.cases)
    return dataclasses.replace(
        summary,
        cases=cases,
        completed=completed,
        by_type=[
            (label, types.cell(i, 0) if types.suppressed[i][0] else n)
            for i, (label, n) in enumerate(summary.by_type)
        ],
        grades=rows,
        concerns=said(summary.concerns),
        moderated=said(summary.moderated),
        changed_in_moderation=said(summary.changed_in_moderation),
        themes=theme_lines(
            summary.improve,
            summary.completed,
            lambda n: (
                SYMBOL if completed == SYMBOL and n == summary.completed else count_text(n, rule)
            ),
        ),
    )


def default_narrative(report: Any, rule: Rule | None = None) -> Narrative:
    rule = rule if rule is not None else configured_rule()
    s = shown_summary(report.summary, rule)
    return Narrative(
        summary=report.summary_text
        or (
            f"{report.title}: {s.completed} case-file audits completed"
            + (
                f" by {report.auditors} auditor{'s' if report.auditors != 1 else ''}."
                if report.auditors
                else "."
            )
        ),
        recommendations="Note the report.",
        background=(
            "Case files are audited each quarter against the audit form's sections, "
            "graded Outstanding, Good, Requires improvement or Inadequate, and "
            "moderated."
        ),
        current_position="The grades and the themes from this round are set out below.",
        implications="",
        conclusion=(
            "The grades, themes and findings of this round are set out above, with "
            "the plan actions the findings became."
        ),
    )


def audit_report(
    report: Any,
    meeting: date,
    narrative: Narrative | None = None,
    meta: Meta | None = None,
    rule: Rule | None = None,
) -> Paper:
    rule = rule if rule is not None else configured_rule()
    s = shown_summary(report.summary, rule)
    rows = [
        [
            row.label,
            *(str(n) for n in row.counts),
            str(row.graded),
            "-"
            if row.good_or_better is None
            else (SYMBOL if row.good_or_better == SYMBOL else f"{row.good_or_better:g}%"),
        ]
        for row in s.grades
    ]
    body: list[Block] = [
        Heading("Audits in this round", 3),
        Para(f"{s.completed} of {s.cases} sampled cases audited."),
        Grid(
            "Cases sampled by type",
            ["", *(label for label, _ in s.by_type), "Total"],
            [
                [
                    "Cases",
                    *(f"{n:,}" if isinstance(n, int) else n for _, n in s.by_type),
                    f"{s.cases:,}" if isinstance(s.cases, int) else s.cases,
                ]
            ],
        ),
        Grid("Grades by section", ["Section", *s.grade_labels, "Graded", "Good or better"], rows),
        Heading("Themes", 3),
        Bullets(list(s.themes)) if s.themes else Para("No theme recurred across the audits."),
        Heading("Findings and actions", 3),
    ]
    if report.findings:
        body.append(
            Grid(
                "Findings",
                ["Finding", "Plan action"],
                [[text, action or "None yet"] for text, action in report.findings],
            )
        )
    else:
        body.append(Para("No findings recorded."))
    if paragraphs(report.recommendations):
        body += [
            Heading("What the auditors recommend", 3),
            Bullets(paragraphs(report.recommendations)),
        ]
    body.append(
        Para(f"Immediate concerns escalated: {s.concerns}. Audits moderated: {s.moderated}.")
    )
    return Paper(
        kind="audit",
        subject=f"Quality assurance report: {report.title}",
        meeting=meeting,
        public=True,
        meta=meta or Meta(),
        narrative=narrative or default_narrative(report, rule),
        body=body,
        period=report.quarter,
        snapshot=report.snapshot_id or None,
        disclosure=rule,
    )
