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

from csc_insight.reports.paper import (
    SCHEDULE_12A,
    Block,
    Bullets,
    Chart,
    Grid,
    Heading,
    Landscape,
    Paper,
    Para,
    paragraphs,
    shows_symbol,
)

FORMATS = ("docx", "pdf", "html")
NUMBERED = [("background", "Background"), ("current_position", "Current Position")]
AFTER_BODY = [("implications", "Corporate & Strategic Implications"), ("conclusion", "Conclusion")]


# --- the order of a paper, shared by every renderer -----------------------------------


def outline(paper: Paper) -> list[Block]:
    """Everything after the front table, as blocks; Main Report paragraphs numbered."""
    blocks: list[Block] = []
    if not paper.public:
        blocks.append(
            Para(
                paper.classification
                + ": "
                + " ".join(SCHEDULE_12A[p] for p in paper.exempt_paragraphs)
            )
        )
    if not paper.cover:
        return [*blocks, *paper.body]
    n = paper.narrative
    blocks += [Heading("Summary")] + [Para(p) for p in paragraphs(n.summary)]
    blocks += [
        Heading("Recommendation(s)"),
        Para("Members are asked to:"),
        Bullets(paragraphs(n.recommendations)),
    ]
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
    if paper.meta.author_contact or paper.meta.report_author:
        blocks.append(Heading("Report author", 3))
        blocks.append(Para(paper.meta.report_author))
        blocks += [Para(line) for line in paragraphs(paper.meta.author_contact)]
    for note in paper.notes:
        blocks.append(Para(note))
    rule = paper.disclosure
    shown = [*paper.body, *(b for a in paper.appendices for b in a.blocks)]
    if rule is not None and (not rule.active or shows_symbol(shown)):
        blocks.append(Para(rule.note))
    for appendix in paper.appendices:
        if appendix.blocks:
            landscape = [Landscape(True)] if appendix.landscape else []
            blocks += [*landscape, Heading(appendix.title), *appendix.blocks]
    return blocks


# --- HTML -----------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _grid_html(grid: Grid) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in grid.header)
    rows = []
    for row in grid.rows:
        cells = [f'<th scope="row">{_e(row[0])}</th>'] + [
            f"<td>{'<br>'.join(_e(x) for x in c.splitlines())}</td>" for c in row[1:]
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = f"<p>{_e(grid.note)}</p>" if grid.note else ""
    return (
        f"<table><caption>{_e(grid.caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{note}"
    )


def block_html(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(block.level, 6)
        return f"<h{level}>{_e(block.text)}</h{level}>"
    if isinstance(block, Para):
        return f"<p>{_e(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Chart):
        return f"<figure>{block.svg}</figure>{_grid_html(block.grid)}"
    if isinstance(block, Landscape):
        return ""
    return _grid_html(block)


def front_html(paper: Paper) -> str:
    if not paper.cover:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{_e(k)}</th><td>{_e(v)}</td></tr>' for k, v in paper.front()
    )
    return f'<table class="front"><caption>About this paper</caption>{rows}</table>'


def body_html(paper: Paper) -> str:
    """The paper's content without the page frame (the web preview uses it)."""
    return (
        front_html(paper)
        + "".join(block_html(b) for b in outline(paper))
        + (f"<p>{_e(paper.provenance)}</p>")
    )


STYLE = (
    "body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;color:#0b0c0c}"
    "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #b1b4b6;"
    "padding:4px 8px;text-align:left;vertical-align:top}caption{font-weight:bold;"
    "text-align:left}"
)


def style_hash() -> str:
    """The CSP source that lets a browser apply the paper's own <style> block."""
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def to_html(paper: Paper) -> str:
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{_e(paper.subject)}</title><style>{STYLE}</style></head><body>"
        f"<main><h1>{_e(paper.subject)}</h1>{body_html(paper)}</main></body></html>"
    )


# --- DOCX -----------------------------------------------------------------------------


def _png(svg: str) -> bytes | None:
    try:
        import cairosvg
    except ImportError:
        return None
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2)


# A4 in millimetres, the page margins, and the size tables are set in.
A4 = (210, 297)
MARGIN_MM = 20
TABLE_PT = 9
# Widths in centimetres of one character of 9 pt Arial (a generous average, so that the
# longest word fits) and of a cell's left and right padding together.
CHAR_CM = 0.2
PAD_CM = 0.45
SHORT_TABLE = 6  # rows: a table this short is kept on one page with its title; a longer
# one keeps its title, header row and first row together


def too_wide(grid: Grid, available_cm: float) -> bool:
    """Whether the grid's longest words cannot all fit across `available_cm`."""
    columns = list(zip(grid.header, *grid.rows, strict=True))
    return (
        sum(
            max((len(w) for text in col for w in text.split()), default=1) * CHAR_CM + PAD_CM
            for col in columns
        )
        > available_cm
    )


def column_widths(grid: Grid, available_cm: float) -> list[float]:
    """Column widths in cm that fit `available_cm`: every column at least as wide as its
    longest word (so no word or date is broken inside a cell), the rest shared by how much
    text each column holds."""
    columns = list(zip(grid.header, *grid.rows, strict=True))
    words = [max((len(w) for text in col for w in text.split()), default=1) for col in columns]
    floor = [n * CHAR_CM + PAD_CM for n in words]
    spare = available_cm - sum(floor)
    if spare <= 0:
        return [available_cm * f / sum(floor) for f in floor]
    weight = [sum(len(text) for text in col) / max(len(col), 1) for col in columns]
    # A column already wide enough for its text does not take more.
    need = [max(0.0, w * CHAR_CM - f) for w, f in zip(weight, floor, strict=True)]
    total = sum(need)
    if total == 0:
        return [f + spare / len(floor) for f in floor]
    share = [min(spare * n / total, n) for n in need]
    left = spare - sum(share)
    return [f + s + left / len(floor) for f, s in zip(floor, share, strict=True)]


def _alike(grids: list[Grid]) -> dict[tuple[str, ...], Grid]:
    """Per header, one grid holding the rows of every grid with that header."""
    found: dict[tuple[str, ...], Grid] = {}
    for grid in grids:
        key = tuple(grid.header)
        if key in found:
            found[key].rows.extend(grid.rows)
        else:
            found[key] = Grid("", list(grid.header), list(grid.rows))
    return found


def _row_props(row: object, header: bool) -> None:
    """Never split a row across pages; repeat a header row at the top of every page."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _cell_text(cell: object, text: str, bold: bool = False, keep: bool = False) -> None:
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    lines = text.splitlines() or [""]
    for n, line in enumerate(lines):
        if n:
            paragraph = cell.add_paragraph()  # type: ignore[attr-defined]
        run = paragraph.add_run(line)
        run.font.size = Pt(TABLE_PT)
        run.bold = bold
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.keep_with_next = keep


def _docx_grid(doc: object, grid: Grid, like: Grid | None = None) -> None:
    """The grid as a table; its columns sized for `like` (every table with the same header
    in the paper together, so that they line up) when given."""
    from docx.shared import Cm, Pt

    section = doc.sections[-1]  # type: ignore[attr-defined]
    available = (section.page_width - section.left_margin - section.right_margin) / 360000
    widths = [Cm(w) for w in column_widths(like or grid, available)]
    para = doc.add_paragraph()  # type: ignore[attr-defined]
    para.add_run(grid.caption).bold = True
    para.paragraph_format.keep_with_next = True  # the title goes with the table
    para.paragraph_format.space_after = Pt(3)
    table = doc.add_table(rows=1, cols=len(grid.header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.autofit = False
    short = len(grid.rows) <= SHORT_TABLE
    _row_props(table.rows[0], header=True)
    for cell, text, width in zip(table.rows[0].cells, grid.header, widths, strict=True):
        cell.width = width
        _cell_text(cell, text, bold=True, keep=True)
    for i, row in enumerate(grid.rows):
        new = table.add_row()
        _row_props(new, header=False)
        keep = (short or i == 0) and i < len(grid.rows) - 1
        for cell, text, width in zip(new.cells, row, widths, strict=True):
            cell.width = width
            _cell_text(cell, text, keep=keep)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    after = doc.add_paragraph(grid.note)  # type: ignore[attr-defined]
    after.paragraph_format.space_after = Pt(6)


def _field(paragraph: object, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that LibreOffice and Word fill in when laying out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)  # type: ignore[attr-defined]


def _page_setup(section: object, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    short, long = Mm(A4[0]), Mm(A4[1])
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    section.page_width, section.page_height = (long, short) if landscape else (short, long)  # type: ignore[attr-defined]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))


def _frame(section: object, paper: Paper) -> None:
    """Classification in the header and the page number in the footer of every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    head = section.header.paragraphs[0]  # type: ignore[attr-defined]
    head.text = paper.classification
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in head.runs:
        run.font.size = Pt(9)
        run.bold = True
    foot = section.footer.paragraphs[0]  # type: ignore[attr-defined]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Page ")
    _field(foot, "PAGE")
    foot.add_run(" of ")
    _field(foot, "NUMPAGES")
    foot.add_run(f" | {paper.classification}")
    for run in foot.runs:
        run.font.size = Pt(9)


def one_font(doc: object) -> None:
    """Arial in black for the body text and every heading (the template's headings are
    otherwise Calibri Light in blue)."""
    from docx.shared import RGBColor

    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title"):
        style = doc.styles[name]  # type: ignore[attr-defined]
        _arial(style)
        style.font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)


def _arial(style: object) -> None:
    """Set a style's font to Arial, dropping the theme fonts that would override it."""
    from docx.oxml.ns import qn

    style.font.name = "Arial"  # type: ignore[attr-defined]
    fonts = style.element.rPr.rFonts  # type: ignore[attr-defined]
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:cs"), "Arial")


def _usable_cm(section: object) -> float:
    width = section.page_width - section.left_margin - section.right_margin  # type: ignore[attr-defined]
    return width / 360000


def _wide_tables_landscape(blocks: list[Block], portrait_cm: float) -> list[Block]:
    """Put a table too wide for a portrait page, with the headings just above it, on
    landscape pages, and turn back to portrait after it. Blocks already inside a landscape
    part (an appendix printed landscape) are left as they are."""
    out: list[Block] = []
    chosen = False  # inside a landscape part this function opened
    inside = False  # inside a landscape part the outline asked for
    for i, block in enumerate(blocks):
        if isinstance(block, Landscape):
            inside = block.on
            if chosen and block.on:
                chosen = False  # the outline's own part continues it
            out.append(block)
            continue
        wide = isinstance(block, Grid) and too_wide(block, portrait_cm)
        if not wide and isinstance(block, Heading):
            following = next((b for b in blocks[i + 1 :] if not isinstance(b, Heading)), None)
            wide = isinstance(following, Grid) and too_wide(following, portrait_cm)
        if not inside and wide and not chosen:
            out.append(Landscape(True))
            chosen = True
        elif chosen and not wide:
            out.append(Landscape(False))
            chosen = False
        out.append(block)
    return out


def _turn(doc: object, landscape: bool) -> None:
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)  # type: ignore[attr-defined]
    _page_setup(section, landscape)


def to_docx(paper: Paper, path: Path) -> Path:
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    one_font(doc)
    core = doc.core_properties
    core.title = paper.subject
    core.comments = paper.provenance
    _page_setup(doc.sections[0], landscape=False)
    _frame(doc.sections[0], paper)
    if paper.cover:
        table = doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        table.autofit = False
        for label, value in paper.front():
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
            cells[0].width, cells[1].width = Cm(4), Cm(13)
        table.columns[0].width, table.columns[1].width = Cm(4), Cm(13)
    else:
        doc.add_heading(paper.subject, level=1)
    blocks = _wide_tables_landscape(outline(paper), _usable_cm(doc.sections[0]))
    same = _alike(
        [b.grid if isinstance(b, Chart) else b for b in blocks if isinstance(b, Grid | Chart)]
    )
    landscape = False
    for block in blocks:
        if isinstance(block, Landscape):
            if block.on != landscape:
                _turn(doc, block.on)
                landscape = block.on
        elif isinstance(block, Heading):
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
                doc.paragraphs[-1].paragraph_format.keep_with_next = True
            _docx_grid(doc, block.grid, same.get(tuple(block.grid.header)))
        else:
            _docx_grid(doc, block, same.get(tuple(block.header)))
    doc.add_paragraph(paper.provenance)
    doc.save(str(path))
    return path


# --- PDF ------------------------------------------------------------------------------


class ConversionError(RuntimeError):
    """LibreOffice is missing or could not convert the document."""


def docx_to_pdf(docx: Path, pdf: Path, timeout: int = 120) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ConversionError(
            "LibreOffice (soffice), which makes the PDF, is not installed on this machine: "
            "make the DOCX instead, or install LibreOffice."
        )
    with tempfile.TemporaryDirectory(prefix="csc-pdf-") as work:
        # A private profile: two conversions at once must not share one.
        profile = Path(work, "profile").as_uri()
        try:
            done = subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    work,
                    str(docx),
                ],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(
                f"LibreOffice took more than {timeout} s to convert {docx.name}: try again, "
                "or make the DOCX instead."
            ) from exc
        made = Path(work, docx.stem + ".pdf")
        if done.returncode != 0 or not made.exists():
            raise ConversionError(
                f"LibreOffice could not convert {docx.name}: {done.stderr.strip()[-500:]}"
            )
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
