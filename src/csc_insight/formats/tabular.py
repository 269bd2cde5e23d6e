"""Staging and validating tabular sources (CSV files, spreadsheet sheets) in DuckDB.

A reader describes its columns (`Column`), stages a source with `stage_csv` or
`stage_rows`, and gets back a DuckDB table of typed values with an `_row` column (the row
number as Excel shows it: header = 1). Every problem is reported with file, sheet, row,
column name and letter, value and what was expected.

Typed values are parsed once per *distinct* raw value in Python (`formats.values`) and
joined back in SQL, so a million-row file with a thousand distinct dates costs a thousand
parses. Further checks are SQL that returns the failing rows (`check`).

A problem with one row's values (`Report.bad_row`) sets the row aside in the `quarantine`
table (`formats.quarantine`) with its raw values: the row is left out of the staged table,
or, when the column is optional (neither a required heading nor a required value), only
the bad cell is left blank. Readers then insert only what is left; in a strict load the
same findings are errors and nothing is published anyway.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import duckdb
import pyarrow as pa

from csc_insight.common import values
from csc_insight.common.report import MAX_PER_KIND, Report, column_letter
from csc_insight.formats import quarantine

# "key": a whole number the reader makes itself (an element's place in an XML document),
# handed over and staged as a number and never checked.
Kind = Literal["text", "date", "flag", "int", "float", "code", "key"]

_SQL_TYPE = {
    "key": "BIGINT",
    "text": "VARCHAR",
    "date": "DATE",
    "flag": "BOOLEAN",
    "int": "BIGINT",
    "float": "DOUBLE",
    "code": "VARCHAR",
}
# Rows a RowStager holds as Arrow batches before it inserts them, in one statement.
PENDING_ROWS = 500_000
_EXPECTED = {
    "date": "a date (dd/mm/yyyy, yyyy-mm-dd or an Excel date)",
    "flag": "Y or N",
    "int": "a whole number",
    "float": "a number",
}


@dataclass(frozen=True)
class Column:
    """One column of a tabular source as its specification names it."""

    heading: str
    field: str
    kind: Kind = "text"
    required: bool = False  # the heading must be present
    not_null: bool = False  # every row needs a value
    codes: Mapping[str, str] | frozenset[str] | None = None  # allowed codes for kind 'code'
    aliases: tuple[str, ...] = ()
    parse: Callable[[str], object] | None = None  # custom parser; None = unrecognised
    describe: str | None = None  # what a valid value looks like, for messages
    # SQL typing the trimmed raw text `{}` (NULL: not valid), instead of `parse`: for a
    # column with as many distinct values as rows (ids), where parsing each in Python
    # and joining the results back would cost more than the rest of the file.
    sql: str | None = None

    def expected(self) -> str:
        if self.describe:
            return self.describe
        if self.kind == "code" and self.codes is not None:
            shown = sorted(self.codes)[:12]
            more = ", …" if len(self.codes) > 12 else ""
            return f"one of {', '.join(shown)}{more}"
        return _EXPECTED.get(self.kind, "a value")


@dataclass
class Staged:
    """A staged, typed source: `table` holds one column per field present plus `_row`."""

    table: str
    file: str
    sheet: str | None
    rows: int
    present: set[str] = field(default_factory=set)
    letters: dict[str, str] = field(default_factory=dict)  # field -> column letter
    columns: dict[str, Column] = field(default_factory=dict)
    target: str | None = None  # the canonical table its rows are for (quarantine records)
    event: str | None = None  # the date field that places a row in time

    def has(self, name: str) -> bool:
        return name in self.present

    @property
    def child(self) -> str | None:
        """The field holding the child's id, when there is one."""
        return next((f for f in ("child_id", "child") if f in self.present), None)


def normalise_heading(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def match_headings(
    headings: Sequence[object],
    columns: Sequence[Column],
    report: Report,
    *,
    file: str,
    sheet: str | None,
) -> dict[int, Column] | None:
    """Position -> Column for each recognised heading; None when a required one is missing."""
    wanted: dict[str, Column] = {}
    for col in columns:
        for name in (col.heading, *col.aliases):
            wanted[normalise_heading(name)] = col
    found: dict[int, Column] = {}
    seen: set[str] = set()
    for pos, heading in enumerate(headings):
        key = normalise_heading(heading)
        col = wanted.get(key)
        if col is None:
            if key:
                report.warning(
                    "unknown_column",
                    file,
                    "This heading is not in the specification and was ignored.",
                    sheet=sheet,
                    row=1,
                    column=str(heading),
                    column_letter=column_letter(pos),
                )
            continue
        if col.field in seen:
            report.error(
                "duplicate_column",
                file,
                f"The heading '{col.heading}' appears twice.",
                sheet=sheet,
                row=1,
                column=str(heading),
                column_letter=column_letter(pos),
            )
            continue
        seen.add(col.field)
        found[pos] = col
    missing = [c for c in columns if c.required and c.field not in seen]
    for col in missing:
        report.error(
            "missing_column",
            file,
            f"Required column '{col.heading}' is missing.",
            sheet=sheet,
            row=1,
            column=col.heading,
        )
    return None if missing else found


def check_text_file(path: Path, report: Report) -> bool:
    """Refuse what is not a UTF-8 text file: NUL bytes, bad encodings, nothing in it."""
    name = path.name
    size = path.stat().st_size
    if size == 0:
        report.error("empty_file", name, "The file is empty: expected a header row and data.")
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            report.error("encoding", name, "The file is UTF-16 text: save it as 'CSV UTF-8'.")
            return False
        if head.startswith(b"PK\x03\x04") or head.startswith(b"\x89PNG"):
            report.error(
                "not_csv",
                name,
                "This is not a CSV file (it looks like a binary file "
                "such as a spreadsheet or image).",
            )
            return False
        fh.seek(0)
        while chunk := fh.read(1 << 20):
            if b"\x00" in chunk:
                at = line + chunk[: chunk.index(b"\x00")].count(b"\n")
                report.error(
                    "nul_byte",
                    name,
                    "The file contains a NUL byte: it is not a text CSV file.",
                    row=at,
                )
                return False
            try:
                # An ASCII chunk is UTF-8 as it stands, unless it follows the first bytes of a
                # character: only the others are decoded (a quarter of the CPU of decoding all).
                if not chunk.isascii() or decoder.getstate()[0]:
                    decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                at = line + chunk[: exc.start].count(b"\n")
                report.error(
                    "encoding",
                    name,
                    "This row is not valid UTF-8 text (often a "
                    "Windows-1252 export): save the file as 'CSV UTF-8'.",
                    row=at,
                    value=repr(chunk[exc.start : exc.start + 8]),
                )
                return False
            line += chunk.count(b"\n")
    return True


def read_csv_headings(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh), [])


def _cell(column: str, na_values: frozenset[str], nbsp_as_space: bool) -> str:
    """SQL for one staged cell: trimmed, blank as NULL, and the cleaning asked for."""
    text = f"replace({column}, chr(160), ' ')" if nbsp_as_space else column
    cell = f"NULLIF(TRIM({text}), '')"
    if not na_values:
        return cell
    listed = ", ".join("'" + value.replace("'", "''") + "'" for value in sorted(na_values))
    # Comparing every cell with each listed value cost more than reading the file: most
    # cells are ruled out by their first character alone (one integer comparison).
    firsts = ", ".join(str(code) for code in sorted({ord(value[0]) for value in na_values}))
    return (
        f"CASE WHEN ascii(TRIM({text})) IN ({firsts}) AND TRIM({text}) IN ({listed}) "
        f"THEN NULL ELSE {cell} END"
    )


def stage_csv(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    columns: Sequence[Column],
    report: Report,
    *,
    table: str,
    sheet: str | None = None,
    headings: Sequence[object] | None = None,
    target: str | None = None,
    event: str | None = None,
    na_values: frozenset[str] = frozenset(),
    nbsp_as_space: bool = False,
) -> Staged | None:
    """Stage a CSV file; None (with errors reported) when it cannot be read at all.

    `headings` replaces the file's own header row (a reader that recognises variants);
    `target` and `event` say which canonical table the rows are for and which date field
    places them in time, for the quarantine records of rows set aside. Cells whose whole
    text is one of `na_values` (e.g. '#N/A') are blank; with `nbsp_as_space` non-breaking
    spaces are spaces (and so trimmed)."""
    name = path.name
    if not check_text_file(path, report):
        return None
    headings = [str(h) for h in headings] if headings is not None else read_csv_headings(path)
    if not any(h.strip() for h in headings):
        report.error("empty_file", name, "The first row is empty: expected the column headings.")
        return None
    found = match_headings(headings, columns, report, file=name, sheet=sheet)
    if found is None:
        return None
    spec = {f"c{i}": "VARCHAR" for i in range(len(headings))}
    source = (
        f"read_csv(?, header=false, skip=1, auto_detect=false, delim=',', quote='\"', "
        f"escape='\"', columns={spec!r}, strict_mode=true, parallel=false, encoding='utf-8')"
    )
    picks = ", ".join(
        f"{_cell(f'c{pos}', na_values, nbsp_as_space)} AS {col.field}" for pos, col in found.items()
    )
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE raw_{table} AS SELECT {picks or 'NULL AS _none'}, "
            f"CAST(row_number() OVER () + 1 AS INTEGER) AS _row FROM {source}",
            [str(path)],
        )
    except duckdb.InvalidInputException:
        _report_ragged(path, len(headings), report, sheet)
        return None
    return _type_columns(
        con, table, found, report, file=name, sheet=sheet, target=target, event=event
    )


def _report_ragged(path: Path, width: int, report: Report, sheet: str | None) -> None:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for number, row in enumerate(csv.reader(fh), start=1):
            if number > 1 and len(row) != width and any(cell.strip() for cell in row):
                report.error(
                    "ragged_row",
                    path.name,
                    f"This row has {len(row)} fields; the header has {width}.",
                    sheet=sheet,
                    row=number,
                )
    if report.ok:  # DuckDB refused it for a reason the csv module accepts (stray quote)
        report.error("bad_csv", path.name, "The file is not valid CSV (check quotes).")


def stage_rows(
    con: duckdb.DuckDBPyConnection,
    headings: Sequence[object],
    rows: Iterable[Sequence[object]],
    columns: Sequence[Column],
    report: Report,
    *,
    table: str,
    file: str,
    sheet: str | None = None,
    first_row: int = 2,
    numbered: bool = False,
    batch: int = 100_000,
    target: str | None = None,
    event: str | None = None,
) -> Staged | None:
    """Stage rows already read (e.g. from a spreadsheet); values are turned into text first.

    Dates and datetimes become ISO text, whole floats lose their '.0'. Blank rows are skipped
    but keep their numbering, so row numbers stay as the spreadsheet shows them. With
    `numbered`, each item of `rows` is `(row_number, cells)` instead (e.g. an XML line).
    """
    stager = RowStager(
        con,
        headings,
        columns,
        report,
        table=table,
        file=file,
        sheet=sheet,
        batch=batch,
        target=target,
        event=event,
    )
    if stager.found is None:
        return None
    items = rows if numbered else enumerate(rows, start=first_row)
    for number, row in items:  # type: ignore[misc]
        stager.add(number, row)
    return stager.finish()


class RowStager:
    """Stages rows handed over one at a time, for readers that produce several tables in one
    pass over a source (the CIN census XML): `add` each row, then `finish` to type them.

    `found` is None (errors reported) when a required heading is missing. With
    `lettered=False` findings carry no column letter (the source has no columns, e.g. XML);
    with `expect_rows=False` no rows at all is not worth a warning (an optional XML block).
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        headings: Sequence[object],
        columns: Sequence[Column],
        report: Report,
        *,
        table: str,
        file: str,
        sheet: str | None = None,
        batch: int = 100_000,
        lettered: bool = True,
        expect_rows: bool = True,
        target: str | None = None,
        event: str | None = None,
    ) -> None:
        self.con, self.report, self.table, self.file, self.sheet = con, report, table, file, sheet
        self.target, self.event = target, event
        self.batch, self.lettered, self.expect_rows = batch, lettered, expect_rows
        self.found = match_headings(headings, columns, report, file=file, sheet=sheet)
        if self.found is None:
            return
        self.positions = list(self.found)
        given = [self.found[p] for p in self.positions]
        fields = [col.field for col in given]
        # Staged as text, to be typed and checked (`_type_columns`), but for the reader's keys.
        raw: list[tuple[str, Kind]] = [
            (col.field, "key" if col.kind == "key" else "text") for col in given
        ]
        self.schema = pa.schema(
            [(f, _arrow_type(kind)) for f, kind in raw] + [("_row", pa.int32())]
        )
        self.buffer: list[list[object]] = [[] for _ in range(len(fields) + 1)]
        self.pending: list[pa.Table] = []  # batches not yet inserted (`_insert_pending`)
        self.pending_rows = 0
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE raw_{table} ("
            + ", ".join(f"{f} {_SQL_TYPE[kind]}" for f, kind in raw)
            + ", _row INTEGER)"
        )

    def add(self, number: int, row: Sequence[object]) -> None:
        """Buffer one row (skipped when blank); `number` is its row or line number."""
        cells = [_text(row[p]) if p < len(row) else None for p in self.positions]
        if all(c is None for c in cells):
            return
        for i, cell in enumerate(cells):
            self.buffer[i].append(cell)
        self.buffer[-1].append(number)
        if len(self.buffer[-1]) >= self.batch:
            self._flush()

    def add_batch(self, batch: pa.Table) -> None:
        """Append many rows at once: an Arrow table of the fields (already trimmed text, blank
        as null) and `_row`, for a reader whose per-row `add` calls would dominate its time."""
        self._flush()
        self._hold(batch.select(self.schema.names))

    def _flush(self) -> None:
        if not self.buffer[-1]:
            return
        self._hold(pa.Table.from_arrays([pa.array(col) for col in self.buffer], schema=self.schema))
        for col in self.buffer:
            col.clear()

    def _hold(self, batch: pa.Table) -> None:
        self.pending.append(batch.cast(self.schema))
        self.pending_rows += batch.num_rows
        if self.pending_rows >= PENDING_ROWS:
            self._insert_pending()

    def _insert_pending(self) -> None:
        """Insert the batches held so far in one statement.

        An INSERT from an Arrow table of 100,000 rows or fewer runs on one thread and costs
        about six times the CPU per row of one of 250,000 or more (a million rows of eight
        text columns: 1.8 s in 50,000-row batches, 0.3 s in 500,000-row ones)."""
        if not self.pending:
            return
        rows = pa.concat_tables(self.pending)
        self.pending, self.pending_rows = [], 0
        self.con.register("_stage_batch", rows)
        self.con.execute(f"INSERT INTO raw_{self.table} SELECT * FROM _stage_batch")
        self.con.unregister("_stage_batch")

    def finish(self) -> Staged | None:
        """Type the staged rows (reporting bad values); None when the headings were refused."""
        if self.found is None:
            return None
        self._flush()
        self._insert_pending()
        return _type_columns(
            self.con,
            self.table,
            self.found,
            self.report,
            file=self.file,
            sheet=self.sheet,
            lettered=self.lettered,
            expect_rows=self.expect_rows,
            target=self.target,
            event=self.event,
        )


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    text = str(value).strip()
    return text or None


def _parser(col: Column) -> Callable[[str], object]:
    if col.parse is not None:
        return col.parse
    if col.kind == "date":
        return values.parse_date
    if col.kind == "flag":
        return values.parse_flag
    if col.kind == "code":
        lookup = values.code_lookup(col.codes or {})
        return lambda raw: values.parse_code(raw, lookup)
    if col.kind == "int":
        return lambda raw: int(float(raw)) if re.fullmatch(r"-?\d+(\.0+)?", raw) else None
    if col.kind == "float":
        return lambda raw: float(raw) if re.fullmatch(r"-?\d+(\.\d+)?", raw) else None
    return lambda raw: raw


def _type_columns(
    con: duckdb.DuckDBPyConnection,
    table: str,
    found: dict[int, Column],
    report: Report,
    *,
    file: str,
    sheet: str | None,
    lettered: bool = True,
    expect_rows: bool = True,
    target: str | None = None,
    event: str | None = None,
) -> Staged:
    raw = f"raw_{table}"
    # Without a named event date, the first date every row must have places a row in time.
    event = event or next(
        (c.field for c in found.values() if c.kind == "date" and c.not_null), None
    )
    staged = Staged(table=table, file=file, sheet=sheet, rows=0, target=target, event=event)
    selects, joins = ["r._row"], []
    bad_values: dict[str, list[str]] = {}
    typed: dict[str, str] = {}  # field -> SQL of its typed value (NULL: not valid), on `r`
    for pos, col in found.items():
        staged.present.add(col.field)
        if lettered:
            staged.letters[col.field] = column_letter(pos)
        staged.columns[col.field] = col
        if col.kind in ("text", "key"):
            selects.append(f"r.{col.field}")
            continue
        if col.sql is not None:
            typed[col.field] = col.sql.format(f"r.{col.field}")
            bad = [
                v
                for (v,) in con.execute(
                    f"SELECT DISTINCT r.{col.field} FROM {raw} r "
                    f"WHERE r.{col.field} IS NOT NULL AND ({typed[col.field]}) IS NULL"
                ).fetchall()
            ]
        else:
            parse = _parser(col)
            distinct = [
                v
                for (v,) in con.execute(
                    f"SELECT DISTINCT {col.field} FROM {raw} WHERE {col.field} IS NOT NULL"
                ).fetchall()
            ]
            parsed = {v: parse(v) for v in distinct}
            bad = [v for v, p in parsed.items() if p is None]
            mapping = pa.table(
                {
                    "raw": pa.array(list(parsed), pa.string()),
                    "val": pa.array(list(parsed.values()), _arrow_type(col.kind)),
                }
            )
            map_name = f"map_{table}_{col.field}"
            con.register(f"_{map_name}", mapping)
            con.execute(f"CREATE OR REPLACE TEMP TABLE {map_name} AS SELECT * FROM _{map_name}")
            con.unregister(f"_{map_name}")
            joins.append(f"LEFT JOIN {map_name} ON {map_name}.raw = r.{col.field}")
            typed[col.field] = f"{map_name}.val"
        if bad:
            bad_values[col.field] = bad
        selects.append(f"CAST({typed[col.field]} AS {_SQL_TYPE[col.kind]}) AS {col.field}")
    set_aside = []  # conditions on the raw row that leave the whole row out
    for field_name, bad in bad_values.items():
        col = staged.columns[field_name]
        whole_row = col.required or col.not_null
        _quarantine_values(con, raw, col, bad, report, staged, "row" if whole_row else "cell")
        if whole_row:
            set_aside.append(f"(r.{field_name} IS NOT NULL AND ({typed[field_name]}) IS NULL)")
    for col in found.values():
        if col.not_null:
            message = f"'{col.heading}' must not be blank: expected {col.expected()}."
            failing = _record(
                con,
                staged,
                f"{raw} r",
                f"r.{col.field} IS NULL",
                report,
                code="missing_value",
                column=col.field,
                message=message,
                value="NULL",
                scope="row",
            )
            _report_rows(
                con,
                staged,
                f"SELECT _row, NULL AS value FROM {raw} WHERE {col.field} IS NULL ORDER BY _row",
                failing,
                report,
                code="missing_value",
                column=col.field,
                message=message,
            )
            if failing:
                set_aside.append(f"r.{col.field} IS NULL")
    where = f"WHERE NOT ({' OR '.join(set_aside)})" if set_aside else ""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {', '.join(selects)} "
        f"FROM {raw} r {' '.join(joins)} {where} ORDER BY r._row"
    )
    staged.rows = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    if staged.rows == 0 and expect_rows and not set_aside:
        report.warning(
            "no_rows", file, "The headings are right but there are no rows of data.", sheet=sheet
        )
    return staged


def _arrow_type(kind: Kind) -> pa.DataType:
    return {
        "date": pa.date32(),
        "flag": pa.bool_(),
        "int": pa.int64(),
        "float": pa.float64(),
        "key": pa.int64(),
    }.get(kind, pa.string())


def _raw_fields(staged: Staged) -> dict[str, str]:
    """Heading -> the raw text of that column, on the raw table aliased `r`."""
    return {
        col.heading: f"CAST(r.{name} AS VARCHAR)" if col.kind == "key" else f"r.{name}"
        for name, col in staged.columns.items()
    }


def _event_sql(staged: Staged) -> tuple[str, str | None]:
    """A join giving the typed event date of a raw row (`ev.val`), and that expression."""
    if staged.event and staged.event in staged.present:
        col = staged.columns[staged.event]
        if col.kind == "date":
            name = f"map_{staged.table}_{staged.event}"
            return f" LEFT JOIN {name} ev ON ev.raw = r.{staged.event}", "ev.val"
    return "", None


def _record(
    con: duckdb.DuckDBPyConnection,
    staged: Staged,
    source: str,
    where: str,
    report: Report,
    *,
    code: str,
    column: str | None,
    message: str,
    value: str,
    scope: quarantine.Scope,
    expected: str | None = None,
) -> int:
    """Quarantine the rows of `source` (a raw table aliased `r`) matching `where`;
    `expected`, SQL on the source, is put before `message` (what is wrong with the value)."""
    join, event = _event_sql(staged)
    col = staged.columns.get(column or "")
    return quarantine.record(
        con,
        source=source + join,
        where=where,
        raw_fields=_raw_fields(staged),
        file=staged.file,
        sheet=staged.sheet,
        row="r._row",
        value=value,
        column=col.heading if col else column,
        letter=staged.letters.get(column or ""),
        problem=code,
        expected=message,
        expected_prefix=expected,
        scope=scope,
        target=staged.target,
        child=f"r.{staged.child}" if staged.child else None,
        event=event,
    )


def _report_rows(
    con: duckdb.DuckDBPyConnection,
    staged: Staged,
    sql: str,
    total: int,
    report: Report,
    *,
    code: str,
    column: str | None,
    message: str,
    explain: Callable[[str], str | None] | None = None,
) -> None:
    """Report the first failing rows of `sql` (`_row`, `value`) and count the rest;
    `explain` adds what is wrong with a particular value."""
    if not total:
        return
    failing = con.execute(f"SELECT * FROM ({sql}) LIMIT {MAX_PER_KIND + 1}").fetchall()
    col = staged.columns.get(column or "")
    for row, value in failing:
        why = explain(value) if explain and value is not None else None
        text = f"{value}: {why}. {message}" if why else message
        report.bad_row(
            code,
            staged.file,
            text,
            sheet=staged.sheet,
            row=row,
            column=col.heading if col else column,
            column_letter=staged.letters.get(column or ""),
            value=value,
        )
    report.more(report.row_severity, code, staged.file, total - len(failing))


def _quarantine_values(
    con: duckdb.DuckDBPyConnection,
    raw: str,
    col: Column,
    bad: list[str],
    report: Report,
    staged: Staged,
    scope: quarantine.Scope,
) -> None:
    explain = values.date_problem if col.kind == "date" else None
    why = [explain(v) if explain else None for v in bad]
    con.register(
        "_bad_values",
        pa.table({"v": pa.array(bad, pa.string()), "why": pa.array(why, pa.string())}),
    )
    try:
        code = {"date": "bad_date", "code": "unknown_code"}.get(col.kind, "bad_value")
        message = f"'{col.heading}' should be {col.expected()}."
        where = f"r.{col.field} IN (SELECT v FROM _bad_values)"
        source = f"{raw} r LEFT JOIN _bad_values b ON b.v = r.{col.field}"
        total = _record(
            con,
            staged,
            source,
            where,
            report,
            code=code,
            column=col.field,
            message=message,
            value=f"r.{col.field}",
            scope=scope,
            expected="COALESCE(b.v || ': ' || b.why || '. ', '')",
        )
        if scope == "cell" and report.quarantine:
            message += " The cell was left blank; the rest of the row was loaded."
        _report_rows(
            con,
            staged,
            f"SELECT _row, {col.field} FROM {raw} r WHERE {where} ORDER BY _row",
            total,
            report,
            code=code,
            column=col.field,
            message=message,
            explain=explain,
        )
    finally:
        con.unregister("_bad_values")


def check(
    con: duckdb.DuckDBPyConnection,
    staged: Staged,
    sql: str,
    report: Report,
    *,
    code: str,
    message: str,
    column: str | None = None,
    severity: Literal["error", "warning"] = "error",
    scope: quarantine.Scope = "row",
) -> int:
    """Run `sql` (returning `_row` and `value` for each failing row) and report each row.

    An "error" is a problem with the row: it is quarantined (kept with its raw values) and
    reported with `Report.bad_row`; with scope "row" the row is also left out of the staged
    table, with "cell" it stays (the problem is only that a value is missing). Returns how
    many rows failed. `column` is a field name of the staged source.
    """
    if severity == "warning":
        failing = con.execute(f"SELECT * FROM ({sql}) LIMIT {MAX_PER_KIND + 1}").fetchall()
        col = staged.columns.get(column or "")
        for row, value in failing:
            report.warning(
                code,
                staged.file,
                message,
                sheet=staged.sheet,
                row=row,
                column=col.heading if col else column,
                column_letter=staged.letters.get(column or ""),
                value=value,
            )
        return len(failing)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _failing AS SELECT _row, CAST(value AS VARCHAR) "
        f"AS value FROM ({sql})"
    )
    total = con.execute("SELECT count(*) FROM _failing").fetchall()[0][0]
    if not total:
        con.execute("DROP TABLE _failing")
        return 0
    _record(
        con,
        staged,
        f"raw_{staged.table} r JOIN _failing f USING (_row)",
        "true",
        report,
        code=code,
        column=column,
        message=message,
        value="f.value",
        scope=scope,
    )
    _report_rows(
        con,
        staged,
        "SELECT _row, value FROM _failing ORDER BY _row",
        total,
        report,
        code=code,
        column=column,
        message=message,
    )
    if scope == "row":
        con.execute(f"DELETE FROM {staged.table} WHERE _row IN (SELECT _row FROM _failing)")
    con.execute("DROP TABLE _failing")
    return total


def check_duplicates(
    con: duckdb.DuckDBPyConnection,
    staged: Staged,
    key: Sequence[str],
    report: Report,
    *,
    what: str,
) -> int:
    """Report every row after the first that repeats `key` (fields of the staged table)."""
    cols = ", ".join(key)
    shown = " || ' / ' || ".join(f"COALESCE(CAST({k} AS VARCHAR), '')" for k in key)
    return check(
        con,
        staged,
        f"SELECT _row, {shown} AS value FROM (SELECT *, row_number() OVER "
        f"(PARTITION BY {cols} ORDER BY _row) AS n FROM {staged.table}) WHERE n > 1",
        report,
        code="duplicate_key",
        column=key[0],
        message=f"Duplicate {what}: the same {', '.join(key)} appears on an earlier row.",
    )


def check_order(
    con: duckdb.DuckDBPyConnection,
    staged: Staged,
    start: str,
    end: str,
    report: Report,
) -> int:
    """Report rows whose `end` date is before their `start` date."""
    if not (staged.has(start) and staged.has(end)):
        return 0
    first = staged.columns[start].heading
    return check(
        con,
        staged,
        f"SELECT _row, CAST({end} AS VARCHAR) AS value FROM {staged.table} WHERE {end} < {start}",
        report,
        code="end_before_start",
        column=end,
        message=f"This date is before '{first}' on the same row.",
    )


def drop_staged(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Drop the temporary tables staging `table` left on `con` (staged, raw and value maps)."""
    names = [
        n
        for (n,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE temporary AND (table_name = ? "
            "OR table_name = ? OR starts_with(table_name, ?))",
            [table, f"raw_{table}", f"map_{table}_"],
        ).fetchall()
    ]
    for name in names:
        con.execute(f"DROP TABLE IF EXISTS {name}")


def identify_table(
    headings: Sequence[object],
    tables: Mapping[str, Sequence[Column]],
    hint: str | None = None,
) -> str | None:
    """Which of `tables` a header row belongs to: every required heading and nothing foreign
    (optional ones may be there). Failing that the `hint` table (e.g. from the file name), when
    no heading is foreign to it and at least half of it is present, so that what is missing
    can be reported."""
    keys = {normalise_heading(h) for h in headings} - {""}

    def known(cols: Sequence[Column]) -> tuple[set[str], set[str]]:
        required = {normalise_heading(c.heading) for c in cols if c.required}
        return required, {normalise_heading(n) for c in cols for n in (c.heading, *c.aliases)}

    for name, cols in tables.items():
        required, allowed = known(cols)
        if required <= keys <= allowed:
            return name
    if hint in tables:
        required, allowed = known(tables[hint])
        if keys <= allowed and 2 * len(keys) >= len(required):
            return hint
    return None
