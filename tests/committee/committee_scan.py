"""What the tests look for in a public paper: child ids, worker ids and names, and counts
of 1-5 where a count stands (table cells of count rows, "N in"/"(N)" in sentences)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import duckdb
import lxml.html

SMALL = {"1", "2", "3", "4", "5"}
# "Contacts: 4 in Q3", "(3)", "with 2 in" — a small number where a count is written.
SENTENCE = re.compile(r"(?:: |\(|with )([1-5])(?:\)| in | at )")


def identifiers(con: duckdb.DuckDBPyConnection) -> set[str]:
    found = {r[0] for r in con.execute("SELECT child_id FROM children").fetchall()}
    for worker, name in con.execute("SELECT worker, name FROM workers").fetchall():
        found |= {worker, name} - {None}
    found |= {r[0] for r in con.execute("SELECT DISTINCT worker FROM allocations").fetchall()}
    return found


def docx_content(path: Path) -> tuple[str, list[list[list[str]]]]:
    from docx import Document

    doc = Document(str(path))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    text = (
        "\n".join(p.text for p in doc.paragraphs)
        + "\n"
        + "\n".join(c for t in tables for row in t for c in row)
    )
    return text, tables


def html_content(html: str) -> tuple[str, list[list[list[str]]]]:
    doc = lxml.html.document_fromstring(html)
    for svg in doc.xpath("//svg"):  # the chart's <desc> repeats the table's figures
        svg.getparent().remove(svg)
    tables = [
        [[" ".join(c.text_content().split()) for c in tr.xpath("th|td")] for tr in t.xpath(".//tr")]
        for t in doc.xpath("//table")
    ]
    return doc.text_content(), tables


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def findings(
    text: str, tables: list[list[list[str]]], secret: set[str], count_titles: set[str]
) -> list[str]:
    """Everything disclosive found: identifiers, small counts in count cells or sentences."""
    found = [
        f"identifier {s!r}"
        for s in secret
        if re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text)
    ]
    found += [f"sentence count {m.group(0)!r}" for m in SENTENCE.finditer(text)]
    for table in tables:
        header = table[0] if table else []
        for row in table[1:]:
            if header and header[0] == "Indicator" and row[0] in count_titles:
                cells = row[1:5]  # this period, previous quarter, last year, forecast
            elif (header and header[-1] == "Total") or (
                header[:1] == ["Quarter"] and header[-1] in count_titles
            ):
                cells = row[1:]
            else:
                continue
            found += [f"cell {row[0]!r}: {c}" for c in cells if c.strip() in SMALL]
    return found
