"""Common views that give the same rows for every computation on a snapshot, made once as
tables in the snapshot's file when it is loaded, and read from there.

A common view (`definitions/common/`) that reads neither `periods` nor a parameter nor the
registers, directly or through the views it uses, depends on the snapshot alone: each
contact's link to a referral (`contact_links`), each CP or CLA visit's previous visit
(`cp_visit_intervals`, `cla_visit_intervals`), the starts of care and of placements.
Worked out inside every computation, their windows over every contact, visit or episode
were most of the catalogue's time on an England-sized year; made once at the load (before
the snapshot is published, `make`), a computation reads them like any table (`held`).
A view that only picks columns of one table (`child_facts`) is not made: it is read inline
as cheaply as a copy would be.

Each table is named `csc_pre_<view>_<fingerprint>`, the fingerprint a hash of the SQL of
the view and of every view it reads. A snapshot made before a view's SQL changed has no
table of the new name, so the engine works that view out inline, as it does where nothing
is precomputed (Spark, the regional pool, snapshots loaded before this existed): the rows
are the same either way, only the time differs.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

from csc_insight.indicators.binding import placeholders
from csc_insight.indicators.catalogue import common_views, views_needed, word_list, words
from csc_insight.store import schema

PREFIX = "csc_pre_"
# Views whose rows depend on more than the snapshot: the periods asked for, a setting, the
# registers' file.
_NOT_SNAPSHOT_ONLY = frozenset({"periods", "registers"})
# Words of a view that does more than pick, cast or filter the columns of one table.
_WORK = frozenset({"join", "group", "over", "distinct", "union", "having", "order"})


def _picks_only(text: str) -> bool:
    """Whether a view only picks (casts, filters) columns of one table: it is read inline as
    cheaply as from a table of its own, which would cost the load a copy of the table
    (`child_facts`, a copy of the children: 0.7 s of CPU on an England-sized year)."""
    found = [w.lower() for w in word_list(text)]
    return found.count("select") == 1 and not _WORK & set(found)


@cache
def views() -> dict[str, str]:
    """Name -> table name of every common view that depends on the snapshot alone, those it
    reads first."""
    common = common_views()
    chosen: dict[str, str] = {}
    for name in views_needed(" ".join(common)):
        chain = [*views_needed(common[name]), name]
        texts = [common[v] for v in chain]
        if any(words(text) & _NOT_SNAPSHOT_ONLY or placeholders(text) for text in texts):
            continue
        if _picks_only(common[name]):
            continue
        digest = hashlib.sha256("\n;\n".join(texts).encode()).hexdigest()[:10]
        chosen[name] = f"{PREFIX}{name}_{digest}"
    return chosen


def make(con: Any) -> dict[str, int]:
    """Make every table of `views` on `con` (a writable connection to a snapshot file not
    yet published), each from the tables made before it; rows written per view."""
    made: dict[str, str] = {}
    written = {}
    common = common_views()
    for name, table in views().items():
        ctes = [
            f"{v} AS ({f'SELECT * FROM {made[v]}' if v in made else common[v]})"
            for v in [*views_needed(common[name], made), name]
        ]
        with_views = ", ".join(ctes)
        schema.create_as(con, table, f"WITH {with_views} SELECT * FROM {name}")
        made[name] = table
        written[name] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return written


def held(con: Any) -> dict[str, str]:
    """Name -> table of the views whose table (of today's SQL) the snapshot on `con` holds."""
    wanted = views()
    if not wanted:
        return {}
    found = {
        row[0]
        for row in con.execute(
            "SELECT table_name FROM duckdb_tables() "
            "WHERE NOT temporary AND starts_with(table_name, ?)",
            [PREFIX],
        ).fetchall()
    }
    return {name: table for name, table in wanted.items() if table in found}
