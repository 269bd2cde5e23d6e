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


# The ids (`child_id`, `upn`, every `*_id`) are stored as they are, uncompressed: nearly each
# one is distinct, so DuckDB's dictionary gives way to FSST, trained and applied per segment,
# and that was the largest single cost in a profile of an England-sized load. In a load's
# staging databases (each id written once and read once or twice) it saved about 4 s of CPU;
# in the snapshot, 3-5 s more (the merges that write it, and the rules and the tables for the
# indicators that read it), for a file about half as big again (England-sized: 772 MB
# against 521 MB); the whole catalogue read it as fast (2.8-3.0 s against 2.9 s).
_AS_THEY_ARE = re.compile(r"^(\s+(?:child_id|upn|\w+_id)\s+VARCHAR)(?! USING)", re.M)


def create(con: duckdb.DuckDBPyConnection, *, schema: str | None = None) -> None:
    """Create every canonical table on `con` (optionally inside `schema`), the ids
    uncompressed."""
    sql = _AS_THEY_ARE.sub(r"\1 USING COMPRESSION uncompressed", SCHEMA_SQL)
    if schema:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        sql = re.sub(r"CREATE TABLE (\w+)", rf"CREATE TABLE {schema}.\1", sql)
    con.execute(sql)
