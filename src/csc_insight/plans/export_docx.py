"""A plan as a Word document laid out like the committee appendix (seed 002, Appendix 1).

Landscape A4: the plan's header as a two-column table, then one table per section with a
row per action (Ref, Specific aim, Source, Action, Measure/outcome, Due, Lead, Comments,
RAG). The RAG cell is shaded in its colour and says the rating in words, so colour is never
the only signal.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from csc_insight.plans.document import HEADER_FIELDS, PlanDocument
from csc_insight.plans.export_xlsx import comments_text
from csc_insight.plans.rag import FILLS, INKS, LABELS

COLUMNS = [
    ("Ref", 0.4),
    ("Specific aim", 1.5),
    ("Source", 1.0),
    ("Action", 1.7),
    ("Measure/outcome", 1.5),
    ("Due", 0.8),
    ("Lead", 0.6),
    ("Comments", 2.2),
    ("RAG", 0.8),
]


def _shade(cell: object, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)  # type: ignore[attr-defined]


def _when(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def write_docx(plan: PlanDocument, path: Path) -> Path:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Inches, Pt, RGBColor

    doc = Document()
    page = doc.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Cm(1.5))
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(9)

    doc.add_heading(plan.header.name, level=1)
    header = doc.add_table(rows=0, cols=2)
    header.style = "Table Grid"
    for attr, label in HEADER_FIELDS:
        value = getattr(plan.header, attr)
        cells = header.add_row().cells
        cells[0].text = f"{label}:"
        cells[0].paragraphs[0].runs[0].bold = True
        cells[1].text = _when(value) if isinstance(value, date) or value is None else value
        cells[0].width, cells[1].width = Inches(3), Inches(7.5)

    for section in plan.sections:
        doc.add_heading(section.title, level=2)
        table = doc.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        heading_row = table.rows[0]
        heading_row.repeat_table_header = True  # type: ignore[attr-defined]
        for cell, (title, width) in zip(heading_row.cells, COLUMNS, strict=True):
            cell.text = title
            cell.paragraphs[0].runs[0].bold = True
            cell.width = Inches(width)
        for a in section.actions:
            values = [
                a.ref,
                a.specific_aim,
                a.source,
                a.action,
                a.measure,
                _when(a.due),
                a.lead_text,
                comments_text(a.comments),
                LABELS[a.rag],
            ]
            cells = table.add_row().cells
            for cell, value, (_, width) in zip(cells, values, COLUMNS, strict=True):
                cell.text = value
                cell.width = Inches(width)
            rag_cell = cells[-1]
            _shade(rag_cell, FILLS[a.rag])
            run = rag_cell.paragraphs[0].runs[0]
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(INKS[a.rag])
    doc.save(str(path))
    return path
