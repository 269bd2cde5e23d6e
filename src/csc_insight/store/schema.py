"""The canonical model's tables (`schema.sql`), for the loader, the readers and the tests."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import duckdb

SCHEMA_SQL = files("csc_insight.store").joinpath("schema.sql").read_text(encoding="utf-8")


@cache
def tables() -> dict[str, list[str]]:
    """Canonical table name -> its column names, in schema order."""
    con = duckdb.connect()
    create(con)
    result: dict[str, list[str]] = {}
    for name, column in con.execute(  # one query, not one per table
        "SELECT table_name, column_name FROM information_schema.columns "
        "ORDER BY table_name, ordinal_position"
    ).fetchall():
        result.setdefault(name, []).append(column)
    con.close()
    return result


# Tables that hold child-level facts (everything but the reference tables).
REFERENCE_TABLES = frozenset({"calendar", "snapshot_meta", "population", "workers"})


def child_tables() -> list[str]:
    return [t for t in tables() if t not in REFERENCE_TABLES]


# A load's staging databases write every id once and read it once or twice: compressing
# ids (nearly each one distinct, so DuckDB's dictionary gives way to FSST) took more CPU
# than it saved. Staged, they are stored as they are: on an England-sized year about 4 s of
# the load's CPU less, and the staging files larger on disk. Snapshots compress them.
_STAGED_AS_THEY_ARE = re.compile(r"^(\s+(?:child_id|upn|\w+_id)\s+VARCHAR)(?! USING)", re.M)


def create(
    con: duckdb.DuckDBPyConnection, *, schema: str | None = None, staging: bool = False
) -> None:
    """Create every canonical table on `con` (optionally inside `schema`); for a load's
    `staging` database, with the ids uncompressed."""
    sql = SCHEMA_SQL
    if staging:
        sql = _STAGED_AS_THEY_ARE.sub(r"\1 USING COMPRESSION uncompressed", sql)
    if schema:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        sql = re.sub(r"CREATE TABLE (\w+)", rf"CREATE TABLE {schema}.\1", sql)
    con.execute(sql)
