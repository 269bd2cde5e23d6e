"""Merging what several returns say about the same events into one canonical row each.

The same referral can arrive from the CIN census (two years' files when it spans 31 March),
from Annex A List 3 and List 6; a looked-after child's missing episode from SSDA903 and the
local missing register. Rows are the same event when they share the child, the table's
key dates (MERGE_KEYS) and their order among same-day rows in their own file. For each
event, every column takes the first non-blank value in source order (PRECEDENCE; within
one return, the later file by name first, so 2020's census beats 2019's).

Looked-after episodes are structural, not mergeable row by row: when SSDA903 has episodes
for a child, Annex A's one-row summary of that child's care is dropped.
"""

from __future__ import annotations

import duckdb

from csc_insight.store import schema

# Key columns (beyond child_id) identifying one event in each child-level table.
MERGE_KEYS: dict[str, list[str]] = {
    "contacts": ["contact_date"],
    "early_help": ["COALESCE(start_date, referral_date)"],
    "referrals": ["referral_date"],
    "assessments": ["start_date"],
    "s47_enquiries": ["start_date"],
    "cin_plans": ["start_date"],
    "cp_plans": ["start_date"],
    "cp_reviews": ["review_date"],
    "visits": ["visit_date", "visit_type"],
    "cla_episodes": ["decom"],
    "cla_reviews": ["review_date"],
    "cla_health": ["year_ending"],
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

# Tables where a child's rows from a better source replace, not merge with, a worse one's.
WHOLE_CHILD = {"cla_episodes": "ssda903"}


def _rank_sql(table: str) -> str:
    order = PRECEDENCE.get(table, DEFAULT_PRECEDENCE)
    whens = " ".join(f"WHEN '{src}' THEN {i}" for i, src in enumerate(order))
    return f"CASE source {whens} ELSE {len(order)} END"


def _document_sql() -> str:
    """The file (and sheet) part of source_ref: everything before the last ':'."""
    return "regexp_replace(COALESCE(source_ref, ''), ':[^:]*$', '')"


def _row_sql() -> str:
    return "TRY_CAST(regexp_extract(COALESCE(source_ref, ''), ':(\\d+)$', 1) AS BIGINT)"


def merge_table(con: duckdb.DuckDBPyConnection, table: str, staging: str, target: str) -> int:
    """Merge `staging.table` into `target.table`; returns rows written."""
    columns = schema.tables()[table]
    keys = MERGE_KEYS.get(table) or REFERENCE_KEYS.get(table)
    src = f"{staging}.{table}"
    if table in WHOLE_CHILD:
        best = WHOLE_CHILD[table]
        src = (f"(SELECT * FROM {src} WHERE source = '{best}' OR child_id NOT IN "
               f"(SELECT child_id FROM {src} WHERE source = '{best}'))")
    if table == "children":
        group = ["child_id"]
        occurrence = "1"
    elif table in REFERENCE_KEYS:
        group = list(keys or [])
        occurrence = "1"
    else:
        group = ["child_id", *(keys or [])]
        occurrence = (f"row_number() OVER (PARTITION BY source, {_document_sql()}, "
                      f"{', '.join(group)} ORDER BY {_row_sql()}, source_ref)")
    key_aliases = [f"_k{i}" for i in range(len(group))]
    ranked = (
        f"SELECT *, {', '.join(f'{g} AS {a}' for g, a in zip(group, key_aliases, strict=True))}, "
        f"{occurrence} AS _occ, "
        f"{_rank_sql(table)} * 1000000 + dense_rank() OVER (PARTITION BY source "
        f"ORDER BY {_document_sql()} DESC) AS _prio FROM {src}"
    )
    picks = ", ".join(
        f"arg_min({c}, _prio) FILTER (WHERE {c} IS NOT NULL) AS {c}" for c in columns
    )
    con.execute(
        f"INSERT INTO {target}.{table} BY NAME SELECT {picks} FROM ({ranked}) "
        f"GROUP BY {', '.join(key_aliases)}, _occ ORDER BY {', '.join(key_aliases)}, _occ"
    )
    return con.execute(f"SELECT count(*) FROM {target}.{table}").fetchall()[0][0]
