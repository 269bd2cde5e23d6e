"""The rows (and cells) a load set aside: the `quarantine` table the readers fill.

A problem with one row's values does not refuse a load (unless it is strict): the row is
left out of the canonical tables, or only its bad cell is blanked when the column is
optional, and it is kept here with every raw value it had, where it was (file, sheet, row,
column name and letter) and what was expected. The loader copies the table into the
snapshot, so nothing read is lost and every figure can say how many of its events were
set aside.

One record per problem: a row with two bad cells has two records (`scope` 'cell' or
'row'); `target` is the canonical table the row would have gone to, `event_date` the date
that places it in time (NULL when that date is itself the problem), `raw` its values as the
file gave them, by heading (JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import duckdb

from csc_insight.common import child_ids

Scope = Literal["row", "cell"]

DDL = """
CREATE TABLE IF NOT EXISTS quarantine (
    file          VARCHAR NOT NULL,
    sheet         VARCHAR,
    row_number    INTEGER,
    column_name   VARCHAR,
    column_letter VARCHAR,
    value         VARCHAR,
    problem       VARCHAR NOT NULL,  -- the report's code: bad_date, unknown_code, orphan, ...
    expected      VARCHAR,           -- the report's message
    scope         VARCHAR NOT NULL,  -- 'row' (left out) or 'cell' (blanked, row kept)
    target        VARCHAR,           -- canonical table the row was for
    child_id      VARCHAR,
    event_date    DATE,
    raw           JSON
)
"""

COLUMNS = (
    "file",
    "sheet",
    "row_number",
    "column_name",
    "column_letter",
    "value",
    "problem",
    "expected",
    "scope",
    "target",
    "child_id",
    "event_date",
    "raw",
)


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    """Create the quarantine table on `con` when it is not there yet."""
    con.execute(DDL)


def _literal(text: str | None) -> str:
    return "NULL" if text is None else "'" + text.replace("'", "''") + "'"


def record(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str,
    where: str,
    raw_fields: Mapping[str, str],
    file: str,
    sheet: str | None,
    row: str,
    value: str,
    column: str | None,
    letter: str | None,
    problem: str,
    expected: str,
    expected_prefix: str | None = None,
    scope: Scope,
    target: str | None,
    child: str | None,
    event: str | None,
) -> int:
    """Insert one record per row of `source` (aliased `r`, with any joins) matching `where`.

    `raw_fields` maps heading -> SQL for its raw text; `row`, `value`, `child` and `event`
    are SQL expressions on the source, as is `expected_prefix` (put before `expected`: what
    is wrong with this particular value). Returns how many records were written.
    """
    ensure(con)
    raw = ", ".join(f"{_literal(h)}, {sql}" for h, sql in raw_fields.items())
    select = ", ".join(
        [
            _literal(file),
            _literal(sheet),
            f"CAST({row} AS INTEGER)",
            _literal(column),
            _literal(letter),
            f"CAST({value} AS VARCHAR)",
            _literal(problem),
            f"{expected_prefix} || {_literal(expected)}" if expected_prefix else _literal(expected),
            _literal(scope),
            _literal(target),
            child_ids.SQL.format(f"CAST({child} AS VARCHAR)") if child else "NULL",
            f"TRY_CAST({event} AS DATE)" if event else "NULL",
            f"json_object({raw})" if raw else "NULL",
        ]
    )
    return con.execute(
        f"INSERT INTO quarantine ({', '.join(COLUMNS)}) SELECT {select} FROM {source} WHERE {where}"
    ).fetchall()[0][0]
