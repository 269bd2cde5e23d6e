"""The machine's pace: a fixed piece of work of the kinds a load does, timed, so that figures
measured on different days can be compared (the development machine's speed has varied by
up to 1.6x between sessions, and by 10-30% within one).

The work, on one core so another process's use of the second counts for little: libxml2
parsing and Python walking a CIN-census-like XML document of 60,000 children, and DuckDB
sorting 3 million rows of dates and text into a database file. Its seconds, smaller is
faster, are printed alone on stdout:

    python bench/pace.py
"""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

import duckdb
from lxml import etree

CHILDREN = 60_000
ROWS = 3_000_000


def _document() -> bytes:
    child = (
        "<Child><ChildIdentifiers><LAchildID>C{n}</LAchildID><PersonBirthDate>2010-0{m}-1{d}"
        "</PersonBirthDate><Sex>{s}</Sex></ChildIdentifiers><CINdetails><CINreferralDate>"
        "2019-0{m}-0{d}</CINreferralDate><ReferralSource>1A</ReferralSource>"
        "<Assessments><AssessmentActualStartDate>2019-0{m}-1{d}</AssessmentActualStartDate>"
        "<AssessmentFactors>2A</AssessmentFactors><AssessmentFactors>3B</AssessmentFactors>"
        "</Assessments></CINdetails></Child>"
    )
    body = "".join(child.format(n=n, m=1 + n % 9, d=n % 10, s=1 + n % 2) for n in range(CHILDREN))
    return f"<Message><Children>{body}</Children></Message>".encode()


def _walk(document: bytes) -> int:
    """Parse and visit every element, keeping each leaf's text as the census reader does."""
    kept = 0
    for _, element in etree.iterparse(io.BytesIO(document), events=("end",), tag="Child"):
        values = {leaf.tag: leaf.text for leaf in element.iter() if len(leaf) == 0}
        kept += len(values)
        element.clear()
    return kept


def _sort_into_file(folder: Path) -> int:
    con = duckdb.connect(str(folder / "pace.duckdb"), config={"threads": 1})
    try:
        con.execute(
            f"CREATE TABLE t AS SELECT 'C' || (i * 7919 % {ROWS}) AS child_id, "
            "DATE '2019-04-01' + CAST(i * 31 % 365 AS INTEGER) AS day, "
            f"'file.csv:' || i AS source_ref FROM range({ROWS}) r(i) ORDER BY day, child_id"
        )
        return con.execute("SELECT count(*) FROM t").fetchall()[0][0]
    finally:
        con.close()


def pace() -> float:
    """Seconds the fixed work takes on this machine now."""
    document = _document()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        _walk(document)
        _sort_into_file(Path(folder))
        return round(time.perf_counter() - started, 2)


if __name__ == "__main__":
    print(pace())
