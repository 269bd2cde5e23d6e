"""An audit round's summary of findings as a Word document, in the plain shape of seed 002's
December 2019 case file audit summary: introduction and methodology, cases by type, findings,
grades by section as a table of numbers in words (no colour), recurring themes, immediate
concerns and recommendations. Built from aggregates only: it never names a child."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _table(doc: Any, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def write_docx(report: Any, path: Path) -> Path:
    """Write `report` (csc_insight.audits.services.RoundReport) to `path`."""
    from docx import Document
    from docx.shared import Pt

    from csc_insight.reports.render import one_font

    summary = report.summary
    doc = Document()
    one_font(doc)  # Arial throughout, headings included
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(f"{report.title}: summary of findings", level=1)
    kind = f"{report.kind} audit, {report.quarter}" + (f": {report.theme}" if report.theme else "")
    doc.add_paragraph(kind)

    doc.add_heading("1 Introduction and methodology", level=2)
    doc.add_paragraph(
        f"{summary.completed} of {summary.cases} cases were audited by {report.auditors} "
        f"auditor{'s' if report.auditors != 1 else ''}; {summary.moderated} audits were "
        f"moderated and {summary.changed_in_moderation} grades changed in moderation. "
        f"The sample was drawn from the load {report.snapshot_id}."
    )
    doc.add_paragraph("Cases were broken down by case type as follows:")
    _table(doc, ["Case type", "Cases"], [[label, str(n)] for label, n in summary.by_type])

    doc.add_heading("2 Findings", level=2)
    for para in [p for p in report.summary_text.split("\n\n") if p.strip()] or [
        "The summary has not been written yet."
    ]:
        doc.add_paragraph(para.strip())
    doc.add_paragraph(
        f"{summary.concerns} cases needed immediate notification to the team or service manager."
        if summary.concerns
        else "There were no cases audited that needed immediate notification to the team or "
        "service manager."
    )
    doc.add_paragraph("Grades by section, after moderation:")
    _table(
        doc,
        ["Section", *summary.grade_labels, "Good or better"],
        [
            [
                row.label,
                *[str(n) for n in row.counts],
                "Not graded"
                if row.good_or_better is None
                else ("c" if row.good_or_better == "c" else f"{row.good_or_better}%"),
            ]
            for row in summary.grades
        ],
    )

    doc.add_heading("3 Recurring themes", level=2)
    for theme in summary.themes or [
        "No section had areas to improve in a third or more of the audits."
    ]:
        doc.add_paragraph(theme, style="List Bullet")

    doc.add_heading("4 Recommendations", level=2)
    lines = [line.strip() for line in report.recommendations.splitlines() if line.strip()]
    for line in lines or ["No recommendations have been written yet."]:
        doc.add_paragraph(line, style="List Number" if lines else None)
    if report.findings:
        doc.add_paragraph("Findings taken into plans:")
        _table(
            doc,
            ["Finding", "Plan action"],
            [[text, action or "None yet"] for text, action in report.findings],
        )
    if report.extra.get("note"):
        doc.add_paragraph(report.extra["note"])
    doc.save(str(path))
    return path
