"""Reader for the SSDA903 return in its XML form: the same tables as the CSVs, one child at
a time, into the same canonical rows (`formats.ssda903` documents the mapping and checks).

Two shapes are read, with element names matched case-insensitively:

- the DfE collection's message: `Message/Header/CollectionDetails` (Collection, Year,
  ReferenceDate) then `Children/Child`, each child with a `Header` (CHILD, SEX, DOB, ETHNIC,
  UPN, MOTHER, MC_DOB) and its tables: `Episodes/Episode`, `Reviews/Review`, `UASC`, `OC2`,
  `OC3`, `AD1`, `PlacedAdoption`, `PrevPerm`, `Missing`, `SWEpisodes`, `DoLo`;
- the expanded return (`EXPSSDA903/CHILD`): a `HEADER` with CHILDID and the child's
  details, holding `AREVIEW`, `OC2`, `AD_PLACED` and the UASC, OC3 and AD1 fields (DUC;
  IN_TOUCH, ACTIV, ACCOM; DATE_INT, DATE_MATCH, ...), and `EPISODE` elements (PL for PLACE).

A table element holding only values is one row; one holding elements with values is a list of
rows (`Episodes` of `Episode`). A row's CHILD is its child's; DOB and SEX, where its table
has them and the row does not, are the child's Header's. OC2 and OC3 rows without a YEAR
take the message's collection Year. Findings name the file and the line of the row's
element. An element that is not in the table's specification is named once, as a warning.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from pathlib import Path

import duckdb
from lxml import etree

from csc_insight.common.child_ids import normalise_child_id
from csc_insight.common.report import Report
from csc_insight.common.xml_safety import SafeXML, line_of
from csc_insight.formats import ssda903
from csc_insight.formats.tabular import RowStager, Staged, drop_staged, normalise_heading

NAME = "ssda903_xml"
_files = itertools.count(1)

# Element name (lower case, letters and digits only) -> table.
TAGS = {
    "header": "header",
    "episodes": "episodes",
    "episode": "episodes",
    "reviews": "reviews",
    "review": "reviews",
    "areview": "reviews",
    "uasc": "uasc",
    "oc2": "oc2",
    "oc3": "oc3",
    "ad1": "ad1",
    "placedadoption": "placed_adoption",
    "adplaced": "placed_adoption",
    "prevperm": "prev_perm",
    "missing": "missing",
    "missingepisode": "missing",
    "missingepisodes": "missing",
    "swepisodes": "sw_episodes",
    "swepisode": "sw_episodes",
    "dolo": "dolo",
    "dolos": "dolo",
}
ALIASES = {"childid": "child", "pl": "place"}  # the expanded return's spellings
# Fields of other tables that the expanded return keeps in the child's HEADER.
FLATTENED = {"uasc": "duc", "oc3": "in_touch", "ad1": "date_int"}
_FLATTENED_FIELDS = {c.field for name in FLATTENED for c in ssda903.TABLES[name]} | {"uasc"}
_MARKERS = (b"<EXPSSDA903", b"<Episodes", b"<EPISODE", b"<Episode", b">SSDA903<")


def _key(tag: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(tag).rpartition("}")[2].lower())


def _field(tag: object) -> str:
    name = normalise_heading(str(tag).rpartition("}")[2])
    return ALIASES.get(name, name)


def detect(path: Path) -> bool:
    """An XML file whose first bytes show an SSDA903 message or its tables."""
    if path.suffix.lower() != ".xml":
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError:
        return False
    return any(marker in head for marker in _MARKERS)


def _values(element: etree._Element) -> dict[str, str | None]:
    """The element's children that hold a value (no elements inside), by field name."""
    found: dict[str, str | None] = {}
    for item in element:
        if isinstance(item.tag, str) and len(item) == 0:
            text = (item.text or "").strip()
            found[_field(item.tag)] = text or None
    return found


def _lines(element: etree._Element) -> dict[str, int]:
    """The line of each of the element's value children, by field name."""
    return {
        _field(item.tag): line_of(item)
        for item in element
        if isinstance(item.tag, str) and len(item) == 0
    }


def _has_elements(element: etree._Element) -> bool:
    return any(isinstance(item.tag, str) for item in element)


class _Reader:
    """One pass over one file: each child's rows go to the stager of their table."""

    def __init__(self, path: Path, con: duckdb.DuckDBPyConnection, report: Report) -> None:
        self.path, self.con, self.report, self.file = path, con, report, path.name
        prefix = f"ssda903x_{next(_files)}"
        self.tables = {name: f"{prefix}_{name}" for name in ssda903.TABLES}
        self.headings = {name: [c.heading for c in cols] for name, cols in ssda903.TABLES.items()}
        self.fields = {name: [c.field for c in cols] for name, cols in ssda903.TABLES.items()}
        self.stagers = {
            name: RowStager(
                con,
                self.headings[name],
                cols,
                report,
                table=self.tables[name],
                file=self.file,
                lettered=False,
                expect_rows=False,
                target=ssda903._INSERTS.get(name, (None,))[0],
                event=ssda903._EVENTS.get(name),
            )
            for name, cols in ssda903.TABLES.items()
        }
        self.counts = dict.fromkeys(ssda903.TABLES, 0)
        self.unknown: set[tuple[str, str]] = set()
        self.year: str | None = None
        self.header_read = False

    def message_header(self, root: etree._Element) -> None:
        self.header_read = True
        for item in root:
            if isinstance(item.tag, str) and _key(item.tag) == "header":
                for details in item.iter():
                    if isinstance(details.tag, str) and _key(details.tag) == "year":
                        self.year = (details.text or "").strip() or None

    def add(
        self,
        name: str,
        line: int,
        values: dict[str, str | None],
        child: dict[str, str | None],
        lines: dict[str, int] | None = None,
    ) -> None:
        known = set(self.fields[name])
        for field in sorted(values.keys() - known):
            if (name, field) not in self.unknown:
                self.unknown.add((name, field))
                self.report.warning(
                    "unknown_column",
                    self.file,
                    f"The element '{field.upper()}'"
                    f" is not in the SSDA903 {ssda903.LABELS[name]} table and was "
                    "ignored.",
                    row=(lines or {}).get(field, line),
                    column=field.upper(),
                )
        row = {f: values.get(f) for f in known}
        row["child"] = child.get("child")
        for inherited in ("dob", "sex"):
            if inherited in known and row.get(inherited) is None:
                row[inherited] = child.get(inherited)
        if name in ("oc2", "oc3") and row.get("year") is None:
            row["year"] = self.year
        self.stagers[name].add(line, [row.get(f) for f in self.fields[name]])
        self.counts[name] += 1

    def child(self, element: etree._Element) -> None:
        if not self.header_read:
            self.message_header(element.getroottree().getroot())
        header = next(
            (item for item in element if isinstance(item.tag, str) and _key(item.tag) == "header"),
            None,
        )
        details = {**_values(element), **(_values(header) if header is not None else {})}
        if details.get("child"):
            details["child"] = normalise_child_id(details["child"])  # type: ignore[arg-type]
        line = line_of(header if header is not None else element)
        if header is not None:
            own = set(self.fields["header"])
            self.add(
                "header",
                line,
                {k: v for k, v in details.items() if k in own or k not in _FLATTENED_FIELDS},
                details,
                _lines(header),
            )
        for name, marker in FLATTENED.items():
            if details.get(marker) is not None:
                self.add(name, line, {f: details.get(f) for f in self.fields[name]}, details)
        self.walk([element] + ([header] if header is not None else []), details)

    def walk(self, parents: Iterable[etree._Element], child: dict[str, str | None]) -> None:
        for parent in parents:
            for item in parent:
                if not isinstance(item.tag, str) or not _has_elements(item):
                    continue
                name = TAGS.get(_key(item.tag))
                if name is None or name == "header":
                    continue
                rows = [g for g in item if isinstance(g.tag, str) and _has_elements(g)]
                for row in rows or [item]:
                    self.add(name, line_of(row), _values(row), child, _lines(row))

    def stream(self) -> bool:
        with self.path.open("rb") as fh:
            expanded = b"<EXPSSDA903" in fh.read(8192)
        # One spelling only: in the DfE message a <CHILD> is the child's id, not a child.
        safe = SafeXML(self.path, self.report, tags=("CHILD",) if expanded else ("Child",))
        for event, element in safe:
            if event == "end":
                self.child(element)
        return safe.ok

    def finish(self) -> dict[str, int]:
        staged = {name: stager.finish() for name, stager in self.stagers.items()}
        if any(s is None for s in staged.values()):
            return {}
        if not sum(self.counts.values()):
            self.report.error(
                "no_rows",
                self.file,
                "The file holds no SSDA903 children: expected Children/Child (or CHILD) elements.",
            )
            return {}
        written: dict[str, int] = {}
        for name, found in staged.items():
            if not self.counts[name]:
                continue
            _validate(self.con, found, name, self.report)  # type: ignore[arg-type]
            if name in ssda903.NOT_USED:
                self.report.warning(
                    "not_used",
                    self.file,
                    f"SSDA903 {ssda903.NOT_USED[name]}: "
                    f"read and checked ({self.counts[name]:,} row"
                    f"{'' if self.counts[name] == 1 else 's'}), not used: "
                    "CSC Insight keeps no table for it.",
                )
            for table, n in ssda903._insert(
                self.con,
                found,
                name,
                self.path,  # type: ignore[arg-type]
                self.report,
            ).items():
                written[table] = written.get(table, 0) + n
        return written

    def drop(self) -> None:
        for table in self.tables.values():
            drop_staged(self.con, table)


def _validate(con: duckdb.DuckDBPyConnection, staged: Staged, name: str, report: Report) -> None:
    ssda903._validate(con, staged, name, report)


def read(path: Path, con: duckdb.DuckDBPyConnection, report: Report) -> dict[str, int]:
    """Validate one SSDA903 XML file and insert its canonical rows; see the module."""
    reader = _Reader(path, con, report)
    try:
        if not reader.stream():
            return {}
        return reader.finish()
    finally:
        reader.drop()
