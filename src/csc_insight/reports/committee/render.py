"""Render a `Paper` as HTML (standalone page), DOCX (python-docx) or PDF.

PDF is the DOCX converted by LibreOffice headless (`soffice --headless --convert-to pdf`):
the PDF is then page for page the document the committee system takes, and no second
layout engine (WeasyPrint and its Pango stack) is needed. Charts go into the DOCX as PNG
drawn from their SVG by CairoSVG when it is installed; each chart's table is always there.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

from csc_insight.reports.committee.document import (
    SCHEDULE_12A,
    Block,
    Bullets,
    Chart,
    Grid,
    Heading,
    Paper,
    Para,
    paragraphs,
)

FORMATS = ("docx", "pdf", "html")
NUMBERED = [("background", "Background"), ("current_position", "Current Position")]
AFTER_BODY = [("implications", "Corporate & Strategic Implications"),
              ("conclusion", "Conclusion")]


# --- the order of a paper, shared by every renderer -----------------------------------

def outline(paper: Paper) -> list[Block]:
    """Everything after the front table, as blocks; Main Report paragraphs numbered."""
    blocks: list[Block] = []
    if not paper.public:
        blocks.append(Para(paper.classification + ": "
                           + " ".join(SCHEDULE_12A[p] for p in paper.exempt_paragraphs)))
    if not paper.cover:
        return [*blocks, *paper.body]
    n = paper.narrative
    blocks += [Heading("Summary")] + [Para(p) for p in paragraphs(n.summary)]
    blocks += [Heading("Recommendation(s)"), Para("Members are asked to:"),
               Bullets(paragraphs(n.recommendations))]
    blocks.append(Heading("Main Report"))
    number = 0

    def numbered(text: str) -> list[Block]:
        nonlocal number
        found: list[Block] = []
        for p in paragraphs(text):
            number += 1
            found.append(Para(f"{number}. {p}"))
        return found

    for attr, title in NUMBERED:
        blocks += [Heading(title, 3), *numbered(getattr(n, attr))]
    blocks += paper.body
    for attr, title in AFTER_BODY:
        if paragraphs(getattr(n, attr)):
            blocks += [Heading(title, 3), *numbered(getattr(n, attr))]
    blocks.append(Heading("Appendices"))
    blocks.append(Bullets([a.title for a in paper.appendices] or ["None"]))
    for note in paper.notes:
        blocks.append(Para(note))
    if paper.meta.author_contact or paper.meta.report_author:
        blocks.append(Para(paper.meta.report_author))
        blocks += [Para(line) for line in paragraphs(paper.meta.author_contact)]
    for appendix in paper.appendices:
        if appendix.blocks:
            blocks += [Heading(appendix.title), *appendix.blocks]
    return blocks


# --- HTML -----------------------------------------------------------------------------

def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _grid_html(grid: Grid) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in grid.header)
    rows = []
    for row in grid.rows:
        cells = [f'<th scope="row">{_e(row[0])}</th>'] + [
            f"<td>{'<br>'.join(_e(x) for x in c.splitlines())}</td>" for c in row[1:]]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = f"<p>{_e(grid.note)}</p>" if grid.note else ""
    return (f"<table><caption>{_e(grid.caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{note}")


def block_html(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(block.level, 6)
        return f"<h{level}>{_e(block.text)}</h{level}>"
    if isinstance(block, Para):
        return f"<p>{_e(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Chart):
        return f'<figure>{block.svg}</figure>{_grid_html(block.grid)}'
    return _grid_html(block)


def front_html(paper: Paper) -> str:
    if not paper.cover:
        return ""
    rows = "".join(f'<tr><th scope="row">{_e(k)}</th><td>{_e(v)}</td></tr>'
                   for k, v in paper.front())
    return f'<table class="front"><caption>About this paper</caption>{rows}</table>'


def body_html(paper: Paper) -> str:
    """The paper's content without the page frame (the web preview uses it)."""
    return front_html(paper) + "".join(block_html(b) for b in outline(paper)) + (
        f"<p>{_e(paper.provenance)}</p>")


STYLE = ("body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;color:#0b0c0c}"
         "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #b1b4b6;"
         "padding:4px 8px;text-align:left;vertical-align:top}caption{font-weight:bold;"
         "text-align:left}")


def to_html(paper: Paper) -> str:
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
            f"<title>{_e(paper.subject)}</title><style>{STYLE}</style></head><body>"
            f"<main><h1>{_e(paper.subject)}</h1>{body_html(paper)}</main></body></html>")


# --- DOCX -----------------------------------------------------------------------------

def _png(svg: str) -> bytes | None:
    try:
        import cairosvg
    except ImportError:
        return None
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2)


def _docx_grid(doc: object, grid: Grid) -> None:
    para = doc.add_paragraph()  # type: ignore[attr-defined]
    para.add_run(grid.caption).bold = True
    table = doc.add_table(rows=1, cols=len(grid.header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, grid.header, strict=True):
        cell.text = text
        if text:
            cell.paragraphs[0].runs[0].bold = True
    for row in grid.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    if grid.note:
        doc.add_paragraph(grid.note)  # type: ignore[attr-defined]


def to_docx(paper: Paper, path: Path) -> Path:
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    core = doc.core_properties
    core.title = paper.subject
    core.comments = paper.provenance
    if paper.cover:
        table = doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in paper.front():
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
            cells[0].width, cells[1].width = Cm(4), Cm(12)
    else:
        doc.add_heading(paper.subject, level=1)
    for block in outline(paper):
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=min(block.level, 4))
        elif isinstance(block, Para):
            doc.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Chart):
            png = _png(block.svg)
            if png is not None:
                doc.add_picture(BytesIO(png), width=Cm(15))
            _docx_grid(doc, block.grid)
        else:
            _docx_grid(doc, block)
    doc.add_paragraph(paper.provenance)
    section = doc.sections[0]
    section.footer.paragraphs[0].text = (paper.classification + " | " + paper.provenance)
    doc.save(str(path))
    return path


# --- PDF ------------------------------------------------------------------------------

class ConversionError(RuntimeError):
    """LibreOffice is missing or could not convert the document."""


def docx_to_pdf(docx: Path, pdf: Path, timeout: int = 120) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ConversionError("PDF needs LibreOffice (soffice) installed.")
    with tempfile.TemporaryDirectory(prefix="csc-pdf-") as work:
        # A private profile: two conversions at once must not share one.
        profile = Path(work, "profile").as_uri()
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
             "--outdir", work, str(docx)], capture_output=True, text=True, timeout=timeout)
        made = Path(work, docx.stem + ".pdf")
        if done.returncode != 0 or not made.exists():
            raise ConversionError(f"LibreOffice could not convert {docx.name}: "
                                  f"{done.stderr.strip()[-500:]}")
        shutil.move(str(made), pdf)
    return pdf


def write(paper: Paper, fmt: str, path: Path) -> Path:
    """Write the paper as docx, pdf or html to `path`."""
    path = Path(path)
    if fmt == "html":
        path.write_text(to_html(paper), encoding="utf-8")
        return path
    if fmt == "docx":
        return to_docx(paper, path)
    if fmt == "pdf":
        with tempfile.TemporaryDirectory(prefix="csc-docx-") as work:
            docx = to_docx(paper, Path(work) / f"{path.stem or 'paper'}.docx")
            return docx_to_pdf(docx, path)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}")
