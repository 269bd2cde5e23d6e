"""Merging what several returns say about the same events into one canonical row each.

The same referral can arrive from the CIN census (two years' files when it spans 31 March),
from Annex A List 3 and List 6; a looked-after child's missing episode from SSDA903 and the
local missing register. Rows are the same event when they share the child, the table's
key dates (MERGE_KEYS) and their order among same-day rows in their own file. For each
event, every column takes the first non-blank value in source order (PRECEDENCE; within
one return, the later file by name first, so 2020's census beats 2019's; within one file, the
earlier row first).

Looked-after episodes are structural, not mergeable row by row: when SSDA903 has episodes
for a child, Annex A's one-row summary of that child's care is dropped.
"""

from __future__ import annotations

import duckdb

from csc_insight.store import schema
from csc_insight.store.staged import Staged

# Key columns (beyond child_id) identifying one event in each child-level table.
MERGE_KEYS: dict[str, list[str]] = {
    "contacts": ["contact_date"],
    "early_help": ["COALESCE(start_date, referral_date)"],
    "short_breaks": ["start_date", "service"],
    "referrals": ["referral_date"],
    "assessments": ["start_date"],
    # An ICPC known only from a census CINdetails has no enquiry start: its own date keys it.
    "s47_enquiries": ["COALESCE(start_date, icpc_date)"],
    "cin_plans": ["start_date"],
    "cp_plans": ["start_date"],
    "cp_reviews": ["review_date"],
    "pre_proceedings": ["start_date"],
    "visits": ["visit_date", "visit_type"],
    "cla_episodes": ["decom"],
    "cla_reviews": ["review_date"],
    "cla_health": ["year_ending"],
    "cla_summary": [],
    "health_assessments": ["assessment_date", "kind"],
    "missing_episodes": ["start_date"],
    "care_leavers": ["year_ending"],
    "pathway_plan_reviews": ["review_date"],
    # The one date every return's adoption row has (SSDA903 gives no entered_care).
    "adoption": ["decision_date"],
    "allocations": ["start_date", "worker"],
}
# Reference tables: one row per key, whatever the source.
REFERENCE_KEYS: dict[str, list[str]] = {
    "workers": ["worker"],
    "population": ["year", "age_from", "age_to"],
}

DEFAULT_PRECEDENCE = ["cin_census", "ssda903", "local", "annex_a"]
PRECEDENCE: dict[str, list[str]] = {
    # The local system records the front-door decision; Annex A only the contact.
    "contacts": ["local", "annex_a"],
}

# Big tables written in the order of the date the indicators select periods by, so that a
# period's rows sit in few row groups and DuckDB skips the rest (15-35% less CPU for the
# indicators reading them on an England-sized year), and within a day in the order they were
# staged (files in load order, rows in file order; a merged event where its first row was):
# sorting on one integer after the date instead of the child, keys and lineage costs half as
# much (visits on an England-sized year: about 4 s of CPU less). Every other table by child
# and key.
DATE_FIRST: dict[str, str] = {
    "contacts": "contact_date",
    "referrals": "referral_date",
    "assessments": "authorised_date",
    "allocations": "start_date",
    "visits": "visit_date",
}

# Tables where a child's rows from a better source replace, not merge with, a worse one's.
WHOLE_CHILD = {"cla_episodes": "ssda903"}


def _rank_sql(table: str) -> str:
    order = PRECEDENCE.get(table, DEFAULT_PRECEDENCE)
    whens = " ".join(f"WHEN '{src}' THEN {i}" for i, src in enumerate(order))
    return f"CASE source {whens} ELSE {len(order)} END"


def _document_sql() -> str:
    """The file (and sheet) part of source_ref: everything before the last ':'.

    String functions rather than a regular expression: this runs on every staged row.
    """
    ref = "COALESCE(source_ref, '')"
    return f"left({ref}, length({ref}) - strpos(reverse({ref}), ':'))"


def _row_sql() -> str:
    """The row number part of source_ref (NULL when it is not a number, e.g. 'child 12')."""
    return "TRY_CAST(split_part(source_ref, ':', -1) AS BIGINT)"


def merge_table(
    con: duckdb.DuckDBPyConnection, table: str, staging: str | Staged, target: str
) -> int:
    """Merge the staged rows of `table` (in the catalog `staging`, or where `Staged` says)
    into `target.table`; returns rows written."""
    columns = schema.tables()[table]
    keys = MERGE_KEYS.get(table) or REFERENCE_KEYS.get(table)
    src = (staging if isinstance(staging, Staged) else Staged(staging)).table(table)
    if table in WHOLE_CHILD:
        best = WHOLE_CHILD[table]
        src = (
            f"(SELECT * FROM {src} WHERE source = '{best}' OR child_id NOT IN "
            f"(SELECT child_id FROM {src} WHERE source = '{best}'))"
        )
    per_row = table != "children" and table not in REFERENCE_KEYS
    group = ["child_id", *(keys or [])] if table != "children" else ["child_id"]
    if table in REFERENCE_KEYS:
        group = list(keys or [])
    if _one_row_per_event(con, src, group, per_row):
        order = _order(table, f"{', '.join(group)}, {_row_sql()}, source_ref", "rowid")
        con.execute(
            f"INSERT INTO {target}.{table} BY NAME SELECT {', '.join(columns)} "
            f"FROM {src} ORDER BY {order}"
        )
    else:
        _merge_rows(con, table, src, target, columns, group, per_row)
    return con.execute(f"SELECT count(*) FROM {target}.{table}").fetchall()[0][0]


def _order(table: str, by_key: str, staged: str) -> str:
    """How `table`'s rows are written: a date-first table by its date, then where each row
    was staged (`staged`); any other by key (`by_key`)."""
    return f"{DATE_FIRST[table]}, {staged}" if table in DATE_FIRST else by_key


def _one_row_per_event(
    con: duckdb.DuckDBPyConnection,
    src: str,
    group: list[str],
    per_row: bool,
) -> bool:
    """True when no two staged rows can merge, so they can be copied as they are: one
    document (file, or sheet of a workbook) gave all the rows, and either rows of one
    document are never merged (events) or their keys are already unique."""
    # Rows of two returns are of two documents: said without working out every row's document.
    if con.execute(f"SELECT count(DISTINCT source) > 1 FROM {src}").fetchall()[0][0]:
        return False
    docs = con.execute(
        f"SELECT count(DISTINCT hash(source, {_document_sql()})) FROM {src}"
    ).fetchall()[0][0]
    if docs > 1:
        return False
    if per_row or docs == 0:
        return True
    dupes = con.execute(
        f"SELECT count(*) FROM (SELECT {', '.join(group)} FROM {src} "
        f"GROUP BY ALL HAVING count(*) > 1)"
    ).fetchall()[0][0]
    return dupes == 0


def _merge_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    src: str,
    target: str,
    columns: list[str],
    group: list[str],
    per_row: bool,
) -> None:
    """Rows sharing a group key (and, for events, the same place among same-day rows in
    their own document) become one; each column takes the first non-blank by precedence.

    Only the keys that more than one document gives (or, where rows of one document merge,
    more than one row) go through the ranking and `arg_min`s: on an England-sized year most
    events come from one file, and copying them as they are gives the same rows at a fraction
    of the cost (visits: 41 s of CPU down to about 20 s). Most children are in several
    documents, but ranking them all instead saved little CPU and took 0.5 GB more memory.
    """
    key_aliases = [f"_k{i}" for i in range(len(group))]
    keys = ", ".join(f"{g} AS {a}" for g, a in zip(group, key_aliases, strict=True))
    # where each row was staged orders a date-first table's rows within a day
    staged = "rowid" if table in DATE_FIRST else "NULL"
    keyed = f"SELECT *, {keys}, {staged} AS _staged FROM {src}"
    # a row's document (file, or sheet): hashed for every event to find the keys two documents
    # give, read for every row to rank the table's distinct documents, kept for the rows ranked
    doc = _document_sql()
    on = " AND ".join(f"s.{a} IS NOT DISTINCT FROM m.{a}" for a in key_aliases)
    # Events compare a hash of their document, not its name: a third less CPU for visits.
    rows, shared = (
        (f"SELECT {keys}, hash(source, {doc}) AS _doc FROM {src}", "min(_doc) <> max(_doc)")
        if per_row
        else (f"SELECT {keys} FROM {src}", "count(*) > 1")
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _merge_keys AS SELECT {', '.join(key_aliases)}, "
        f"count(*) AS _n FROM ({rows}) GROUP BY ALL HAVING {shared}"
    )
    to_merge = f"SELECT s.*, {doc} AS _doc FROM ({keyed}) s SEMI JOIN _merge_keys m ON {on}"
    if per_row:
        to_merge = _number_repeats(con, src, to_merge, key_aliases, keys, doc, on)
    # Precedence of each document: its source's rank, then later document names first. Ranked
    # among all the table's documents, not only those of the rows merged: the order is the
    # same, and it spares a second join of every row with the keys.
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _merge_docs AS SELECT source, _doc, "
        f"{_rank_sql(table)} * 1000000 + row_number() OVER (PARTITION BY source "
        f"ORDER BY _doc DESC) AS _prio FROM (SELECT DISTINCT source, {doc} AS _doc FROM {src})"
    )
    # Where rows of one document merge (a child on many rows of one Annex A list), the earlier
    # row of the file first: without it the pick among them changed from load to load. (The
    # row is what follows the document in source_ref: cheaper than `_row_sql`'s split.)
    row = "TRY_CAST(substr(source_ref, length(_doc) + 2) AS BIGINT)"
    ranked = (
        f"SELECT * FROM ({to_merge}) JOIN _merge_docs USING (source, _doc)"
        if per_row
        else f"SELECT * REPLACE (_prio * 1000000000 + COALESCE({row}, 0) AS _prio), 1 AS _occ "
        f"FROM ({to_merge}) JOIN _merge_docs USING (source, _doc)"
    )
    # DuckDB's arg_min skips rows whose value is NULL (arg_min_null would not): the first
    # non-blank value by precedence, at half the CPU of saying so with a FILTER. A column
    # that is a key is the group's own value (the children's merge: 1 s of 11 s CPU less).
    is_key = dict(zip(group, key_aliases, strict=True))
    picks = ", ".join(
        f"{is_key[c]} AS {c}" if c in is_key else f"arg_min({c}, _prio) AS {c}" for c in columns
    )
    merged = (
        f"SELECT {picks}, {', '.join(key_aliases)}, _occ, min(_staged) AS _staged "
        f"FROM ({ranked}) GROUP BY {', '.join(key_aliases)}, _occ"
    )
    alone = (
        f"SELECT {', '.join(columns)}, {', '.join(key_aliases)}, {_row_sql()} AS _occ, _staged "
        f"FROM ({keyed}) s ANTI JOIN _merge_keys m ON {on}"
    )
    order = _order(table, f"{', '.join(key_aliases)}, _occ", "_staged")
    con.execute(
        f"INSERT INTO {target}.{table} BY NAME SELECT {', '.join(columns)} FROM ("
        f"{merged} UNION ALL BY NAME {alone}) ORDER BY {order}"
    )
    con.execute("DROP TABLE _merge_docs")
    con.execute("DROP TABLE _merge_keys")
    con.execute("DROP TABLE IF EXISTS _merge_repeats")


def _number_repeats(
    con: duckdb.DuckDBPyConnection,
    src: str,
    to_merge: str,
    key_aliases: list[str],
    keys: str,
    doc: str,
    on: str,
) -> str:
    """`to_merge` with `_occ`, each row's place among the rows of its own document with the
    same key (1 for the first by row number): the second same-day contact of one file merges
    with the second of another.

    Numbered with a window only where a document gives a key more than once: on an
    England-sized year 615 of 1.15M contacts' keys, and none of the referrals'. A window
    over every row took 3 s of CPU for the contacts alone; this finds the few first. Only a
    key given more than twice (`_n`) can be given twice by one document and once by another,
    so only its rows need their document worked out (not every row's, as before): on an
    England-sized year the contacts' and the visits' merges each took about 1 s of CPU less.
    `keys`, `doc` and `on` (staged row `s` to merged key `m`) are `_merge_rows`' own."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _merge_repeats AS SELECT * EXCLUDE (source, source_ref), "
        f"hash(source, {doc}) AS _dh FROM (SELECT {keys}, source, source_ref FROM {src}) s "
        f"SEMI JOIN (SELECT * FROM _merge_keys WHERE _n > 2) m ON {on} "
        "GROUP BY ALL HAVING count(*) > 1"
    )
    repeated = " AND ".join(f"t.{a} IS NOT DISTINCT FROM r.{a}" for a in ["_dh", *key_aliases])
    rows = f"SELECT *, hash(source, _doc) AS _dh FROM ({to_merge})"
    numbered = (
        f"row_number() OVER (PARTITION BY _dh, {', '.join(key_aliases)} "
        f"ORDER BY {_row_sql()}, source_ref)"
    )
    return (
        f"SELECT t.* EXCLUDE (_dh), 1 AS _occ FROM ({rows}) t ANTI JOIN _merge_repeats r "
        f"ON {repeated} UNION ALL SELECT t.* EXCLUDE (_dh), {numbered} AS _occ "
        f"FROM ({rows}) t SEMI JOIN _merge_repeats r ON {repeated}"
    )
