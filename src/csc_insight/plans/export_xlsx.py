"""A plan as an Excel workbook: the header as label/value rows, then one row per action.

The layout is the one `csc_insight.plans.spreadsheet` reads, so an exported plan can be
imported again. Text that a spreadsheet would read as a formula is escaped and no cell
holds a formula. RAG cells are coloured and carry the rating in words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from csc_insight.indicators.export import escape_cell
from csc_insight.plans.document import HEADER_FIELDS, PlanDocument
from csc_insight.plans.rag import FILLS, INKS, LABELS

HEADINGS = [
    "Section",
    "Ref",
    "Specific aim",
    "Source",
    "Action",
    "Measure/outcome",
    "Start",
    "Due",
    "Lead",
    "Area lead",
    "Comments",
    "RAG",
]
WIDTHS = [22, 6, 30, 18, 40, 30, 11, 11, 10, 14, 45, 16]


def comments_text(comments: list) -> str:
    """Dated comments, one a line, newest last: '14/01/2020 (Green): text'."""
    lines = []
    for c in comments:
        when = c.on.strftime("%d/%m/%Y") if c.on else ""
        rag = f" ({LABELS[c.rag]})" if c.rag else ""
        prefix = f"{when}{rag}: " if when or rag else ""
        lines.append(prefix + c.text)
    return "\n".join(lines)


def write_xlsx(plan: PlanDocument, path: Path) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
    )
    sheet = book.add_worksheet("Plan")
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    day = book.add_format({"num_format": "dd/mm/yyyy", "valign": "top"})
    rag_formats = {
        r: book.add_format(
            {"bold": True, "bg_color": "#" + FILLS[r], "font_color": "#" + INKS[r], "valign": "top"}
        )
        for r in FILLS
    }

    def text(row: int, col: int, value: str, fmt: object = wrap) -> None:
        sheet.write_string(row, col, escape_cell(value or ""), fmt)

    row = 0
    for attr, label in HEADER_FIELDS:
        value = getattr(plan.header, attr)
        text(row, 0, label, bold)
        if isinstance(value, date):
            sheet.write_datetime(row, 1, value, day)
        else:
            text(row, 1, value or "")
        row += 1
    row += 1
    for col, (heading, width) in enumerate(zip(HEADINGS, WIDTHS, strict=True)):
        text(row, col, heading, bold)
        sheet.set_column(col, col, width)
    sheet.freeze_panes(row + 1, 0)
    for section in plan.sections:
        for a in section.actions:
            row += 1
            cells = [section.title, a.ref, a.specific_aim, a.source, a.action, a.measure]
            for col, value in enumerate(cells):
                text(row, col, value)
            for col, value in ((6, a.start), (7, a.due)):
                if value is not None:
                    sheet.write_datetime(row, col, value, day)
            text(row, 8, a.lead_text)
            text(row, 9, a.area_lead)
            text(row, 10, comments_text(a.comments))
            text(row, 11, LABELS[a.rag], rag_formats[a.rag])
    book.close()
    return path
