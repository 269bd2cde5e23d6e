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
_IDS = r"child_id|upn|\w+_id"
_AS_THEY_ARE = re.compile(rf"^(\s+(?:{_IDS})\s+VARCHAR)(?! USING)", re.M)


def create(con: duckdb.DuckDBPyConnection, *, schema: str | None = None) -> None:
    """Create every canonical table on `con` (optionally inside `schema`), the ids
    uncompressed."""
    sql = _AS_THEY_ARE.sub(r"\1 USING COMPRESSION uncompressed", SCHEMA_SQL)
    if schema:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        sql = re.sub(r"CREATE TABLE (\w+)", rf"CREATE TABLE {schema}.\1", sql)
    con.execute(sql)


def create_as(con: duckdb.DuckDBPyConnection, table: str, query: str) -> None:
    """`CREATE TABLE table AS query`, its ids stored uncompressed as in the canonical tables
    (a table the load makes from them: `indicators.precomputed`). On an England-sized year
    the tables made for the indicators took 1.8 s less CPU (7.6 s to 5.8 s) so, for a
    snapshot 0.17 GB bigger."""
    columns = con.execute(f"DESCRIBE {query}").fetchall()
    defined = ", ".join(
        f'"{name}" {kind}'
        + (
            " USING COMPRESSION uncompressed"
            if kind == "VARCHAR" and re.fullmatch(_IDS, name)
            else ""
        )
        for name, kind, *_ in columns
    )
    con.execute(f"CREATE OR REPLACE TABLE {table} ({defined})")
    con.execute(f"INSERT INTO {table} {query}")
