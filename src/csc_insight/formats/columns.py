"""What the CSV returns with one table a file and capitalised headings share (SSDA903, local
extras): the column helper and the CHILD column their specs are written with, the hint a file
name gives, and staging one file's table and inserting its canonical rows.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from csc_insight.common import child_ids
from csc_insight.common.report import Report
from csc_insight.formats.tabular import Column, Kind, Staged, drop_staged, stage_csv


def spec_column(
    heading: str,
    kind: Kind = "text",
    codes: Mapping[str, str] | frozenset[str] | set[str] | None = None,
    **options: object,
) -> Column:
    """A required column whose field name is its heading in lower case: the returns that
    name their columns in capitals (SSDA903, local extras)."""
    return Column(
        heading,
        heading.lower(),
        kind,
        required=True,
        codes=codes,  # type: ignore[arg-type]
        **options,
    )  # type: ignore[arg-type]


# Ids are typed to their canonical form (trimmed and upper-cased) like Annex A's.
CHILD = spec_column(
    "CHILD", "code", not_null=True, sql=child_ids.SQL, describe="a child identifier"
)

_YEAR_SUFFIX = re.compile(r"[_\-\s]*(19|20)\d\d([_\-\s]*\d\d)?$")
# Staged table numbers, one count a return, so table names do not depend on the other's files.
_numbers: defaultdict[str, Iterator[int]] = defaultdict(lambda: itertools.count(1))


def name_stem(path: Path) -> str:
    """The file name lower-cased, without its extension or a trailing year: `Visits_2020.csv`
    -> 'visits', a hint of the table the file holds."""
    return _YEAR_SUFFIX.sub("", path.stem.lower())


def first_line(path: Path) -> str | None:
    """The first line of a text file (a byte-order mark and bad bytes tolerated); None when
    it cannot be opened."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
            return fh.readline(10_000)
    except OSError:
        return None


@contextmanager
def staged_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    source: str,
    name: str,
    columns: Sequence[Column],
    report: Report,
    *,
    target: str | None,
    event: str | None = None,
) -> Iterator[Staged | None]:
    """`path` staged as table `name` of return `source`; None (errors reported) when it
    cannot be read. Its temporary tables are dropped on leaving."""
    table = f"{source}_{next(_numbers[source])}_{name}"
    try:
        yield stage_csv(con, path, columns, report, table=table, target=target, event=event)
    finally:
        drop_staged(con, table)


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    source: str,
    target: str,
    columns: str,
    rows: str,
    filters: Sequence[str],
) -> int:
    """Insert into `target` the `columns` of `rows` that pass every non-empty filter, with
    their lineage (source, '<file>:<row>'); how many were written."""
    where = " AND ".join(f for f in filters if f)
    lineage = f"'{source}' AS source, ? || ':' || _row AS source_ref"
    sql = (
        f"INSERT INTO {target} BY NAME SELECT {columns}, {lineage} FROM {rows}"
        f"{' WHERE ' + where if where else ''}"
    )
    return con.execute(sql, [path.name]).fetchall()[0][0]
