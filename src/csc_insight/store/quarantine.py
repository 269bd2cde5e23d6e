"""What a load set aside, for the loader, the manifest and the pages that show figures.

The readers put rows with bad values in the staging `quarantine` table
(`formats.quarantine`); the loader adds what only the whole load can see (a child in no
other file, a child with two dates of birth: `set_aside_orphans`, `blank_conflicting_dobs`),
copies the table into the snapshot, counts it in the manifest (`summary`), and the web
pages say how many events behind a figure were set aside (`count_for`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import duckdb

from csc_insight.common.report import MAX_PER_KIND, Report
from csc_insight.formats import quarantine
from csc_insight.store.staged import Staged

# A table's rows named in words, for "3 referrals in this period are quarantined".
NOUNS = {
    "children": ("child", "children"),
    "contacts": ("contact", "contacts"),
    "early_help": ("early help assessment", "early help assessments"),
    "referrals": ("referral", "referrals"),
    "assessments": ("assessment", "assessments"),
    "s47_enquiries": ("section 47 enquiry", "section 47 enquiries"),
    "cin_plans": ("child in need plan", "child in need plans"),
    "cp_plans": ("child protection plan", "child protection plans"),
    "cp_reviews": ("child protection review", "child protection reviews"),
    "pre_proceedings": ("pre-proceedings record", "pre-proceedings records"),
    "cla_episodes": ("episode of care", "episodes of care"),
    "cla_reviews": ("looked-after review", "looked-after reviews"),
    "cla_health": ("health record", "health records"),
    "care_leavers": ("care leaver record", "care leaver records"),
    "adoption": ("adoption record", "adoption records"),
    "missing_episodes": ("missing episode", "missing episodes"),
    "visits": ("visit", "visits"),
}

_REF = r"^(.*):([^:]*)$"
_ORPHAN = (
    "Child {} is not in any file loaded with this one (no header, census or Annex A "
    "row for the child)."
)
_ORPHAN_SET_ASIDE = (
    "Child {}'s own row (Header, census or Annex A) was quarantined, so this "
    "row is set aside with it."
)  # 'file!sheet:row' -> ('file!sheet', 'row')


def _first_date_column(con: duckdb.DuckDBPyConnection, table: str) -> str | None:
    found = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND "
        "data_type = 'DATE' AND table_catalog = current_database() ORDER BY ordinal_position "
        "LIMIT 1",
        [table],
    ).fetchall()
    return found[0][0] if found else None


def set_aside_orphans(
    con: duckdb.DuckDBPyConnection,
    tables: Iterable[str],
    report: Report,
    staged: Staged | None = None,
) -> dict[str, int]:
    """Quarantine every staged event whose child is in no file of the load (the staged rows
    in the connection's current catalog, or where `staged` says); the rows set aside, by
    table (only the tables that had any)."""
    staged = staged or Staged()
    set_aside_by_table: dict[str, int] = {}
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _known_children AS "
        f"SELECT DISTINCT child_id FROM {staged.table('children')} WHERE child_id IS NOT NULL"
    )
    quarantine.ensure(con)
    # Children whose own row was set aside (the orphans below add rows of other targets only).
    set_aside = {
        c
        for (c,) in con.execute(
            "SELECT DISTINCT child_id FROM quarantine WHERE target = 'children' "
            "AND scope = 'row' AND child_id IS NOT NULL"
        ).fetchall()
    }
    for table in _find_orphan_children(con, list(tables), staged):
        # The table's orphans once, then listed, kept and deleted.
        held = staged.table(table)
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE _orphans AS SELECT t.rowid AS _rid, t.* "
            f"FROM {held} t SEMI JOIN (SELECT child_id FROM _orphan_children "
            f"WHERE t = '{table}') o ON o.child_id = t.child_id"
        )
        listed = con.execute(
            "SELECT source_ref, child_id FROM _orphans ORDER BY source_ref LIMIT 201"
        ).fetchall()
        for ref, child_id in listed:
            file, sheet, row = split_ref(ref)
            report.bad_row(
                "orphan",
                file,
                _ORPHAN_SET_ASIDE.format(child_id)
                if child_id in set_aside
                else _ORPHAN.format(child_id),
                sheet=sheet,
                row=row,
                column="child id",
                value=child_id,
            )
        day = _first_date_column(con, table)
        place = ", ".join(ref_sql("t.source_ref"))  # file, sheet, row
        written = con.execute(
            f"INSERT INTO quarantine SELECT {place}, 'child id', NULL, "
            f"t.child_id, 'orphan', CASE WHEN t.child_id IN (SELECT child_id FROM quarantine "
            f"WHERE target = 'children' AND scope = 'row') "
            f"THEN replace(?, '{{}}', t.child_id) ELSE replace(?, '{{}}', t.child_id) END, "
            f"'row', '{table}', t.child_id, {f't.{day}' if day else 'NULL'}, to_json(t) "
            f"FROM (SELECT * EXCLUDE (_rid) FROM _orphans) t",
            [_ORPHAN_SET_ASIDE, _ORPHAN],
        ).fetchall()[0][0]
        report.more(
            report.row_severity, "orphan", split_ref(listed[0][0])[0], written - len(listed)
        )
        con.execute(f"DELETE FROM {held} WHERE rowid IN (SELECT _rid FROM _orphans)")
        set_aside_by_table[table] = written
    con.execute("DROP TABLE IF EXISTS _orphans")
    con.execute("DROP TABLE IF EXISTS _orphan_children")
    con.execute("DROP TABLE _known_children")
    return set_aside_by_table


def _find_orphan_children(
    con: duckdb.DuckDBPyConnection, tables: list[str], staged: Staged
) -> list[str]:
    """Fill `_orphan_children` (t, child_id) with each table's children that are in no file
    of the load (not in `_known_children`); the tables that have any.

    One query for all of them: every event's child against the children's ids hashed once,
    the few left over made distinct afterwards (each table's distinct children first took
    twice the CPU: 3.1 s instead of 1.8 s on an England-sized year), instead of an anti-join
    per table that hashes every child's row again. The few ids found then pick out each
    table's orphan rows, a hash of a few ids instead of every child's (with 0.1% of an
    England-sized year's rows made bad and seven tables with orphans: 2.7 s instead of
    3.7 s)."""
    if not tables:
        return []
    ids = " UNION ALL ".join(
        f"SELECT '{table}' AS t, child_id FROM {staged.table(table)}" for table in tables
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _orphan_children AS SELECT DISTINCT e.t, e.child_id "
        f"FROM ({ids}) e ANTI JOIN _known_children k ON k.child_id = e.child_id"
    )
    found = {t for (t,) in con.execute("SELECT DISTINCT t FROM _orphan_children").fetchall()}
    return [t for t in tables if t in found]


def blank_conflicting_dobs(
    con: duckdb.DuckDBPyConnection, report: Report, staged: Staged | None = None
) -> int:
    """Where returns give a child different dates of birth, report it and leave the date of
    birth blank (quarantining each conflicting value); children affected. The staged
    children are in the connection's current catalog, or where `staged` says."""
    children = (staged or Staged()).table("children")
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _conflicts AS SELECT child_id FROM {children} "
        "WHERE dob IS NOT NULL GROUP BY child_id HAVING min(dob) <> max(dob)"
    )
    total = con.execute("SELECT count(*) FROM _conflicts").fetchall()[0][0]
    if not total:
        con.execute("DROP TABLE _conflicts")
        return 0
    # The first MAX_PER_KIND children are named with their dates, the rest counted.
    named = con.execute(
        f"""
        WITH named_children AS (
            SELECT child_id FROM _conflicts ORDER BY child_id LIMIT {MAX_PER_KIND})
        SELECT child_id, string_agg(DISTINCT strftime(dob, '%d/%m/%Y') || ' in ' || source_ref,
                                    '; ' ORDER BY strftime(dob, '%d/%m/%Y') || ' in ' || source_ref)
        FROM {children} SEMI JOIN named_children USING (child_id) WHERE dob IS NOT NULL
        GROUP BY child_id ORDER BY child_id
        """
    ).fetchall()
    blanked = " The date of birth is left blank until it is corrected." if report.quarantine else ""
    for child_id, where in named:
        report.bad_row(
            "dob_conflict",
            "-",
            f"Child {child_id} has different dates of birth in "
            f"different returns: {where}. Correct the source system and reload." + blanked,
            column="date of birth",
            value=child_id,
        )
    report.more(report.row_severity, "dob_conflict", "-", total - len(named))
    quarantine.ensure(con)
    place = ", ".join(ref_sql("t.source_ref"))  # file, sheet, row
    con.execute(
        f"INSERT INTO quarantine SELECT {place}, 'date of birth', "
        "NULL, strftime(t.dob, '%d/%m/%Y'), 'dob_conflict', 'The child has different dates of "
        "birth in different returns.', 'cell', 'children', t.child_id, NULL, to_json(t) "
        f"FROM {children} t SEMI JOIN _conflicts USING (child_id) WHERE t.dob IS NOT NULL"
    )
    con.execute(
        f"UPDATE {children} SET dob = NULL WHERE child_id IN (SELECT child_id FROM _conflicts)"
    )
    con.execute("DROP TABLE _conflicts")
    return total


def ref_sql(ref: str) -> tuple[str, str, str]:
    """SQL for the file, sheet (NULL when none) and row of the lineage `ref`, a SQL
    expression: `split_ref` for every row of a table."""
    doc = f"regexp_extract({ref}, '{_REF}', 1)"
    return (
        f"split_part({doc}, '!', 1)",
        f"NULLIF(split_part({doc}, '!', 2), '')",
        f"TRY_CAST(regexp_extract({ref}, '{_REF}', 2) AS INTEGER)",
    )


def split_ref(ref: str | None) -> tuple[str, str | None, int | None]:
    """'annex_a.xlsx!List 3:17' -> ('annex_a.xlsx', 'List 3', 17)."""
    if not ref:
        return "-", None, None
    doc, _, row = ref.rpartition(":")
    if not doc:
        doc, row = ref, ""
    file, _, sheet = doc.partition("!")
    return file, sheet or None, int(row) if row.isdigit() else None


def summary(con: duckdb.DuckDBPyConnection, schema: str = "main") -> dict[str, object]:
    """Rows and cells set aside, for the manifest: {'rows': n, 'cells': n, 'by_table': {}}."""
    rows = con.execute(
        f"SELECT COALESCE(target, '-'), count(DISTINCT (file, sheet, row_number)) "
        f"FROM {schema}.quarantine WHERE scope = 'row' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    cells = con.execute(
        f"SELECT count(*) FROM {schema}.quarantine WHERE scope = 'cell'"
    ).fetchall()[0][0]
    return {"rows": sum(n for _, n in rows), "cells": cells, "by_table": dict(rows)}


def count_for(
    con: duckdb.DuckDBPyConnection, tables: Iterable[str], start: date | None, end: date | None
) -> list[tuple[str, int, int]]:
    """(table, rows dated in [start, end], rows with no usable date) set aside, per table.

    Without a period (`start` None) every row set aside counts as in it."""
    names = sorted(set(tables))
    if (
        not names
        or not con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'quarantine'"
        ).fetchall()[0][0]
    ):
        return []
    placeholders = ", ".join("?" for _ in names)
    in_period = "true" if start is None else "event_date BETWEEN ? AND ?"
    undated = "false" if start is None else "event_date IS NULL"
    params: list[object] = [] if start is None else [start, end]
    found = con.execute(
        f"SELECT target, count(DISTINCT (file, sheet, row_number)) FILTER ({in_period}), "
        f"count(DISTINCT (file, sheet, row_number)) FILTER ({undated}) "
        f"FROM quarantine WHERE scope = 'row' AND target IN ({placeholders}) GROUP BY target "
        f"ORDER BY target",
        [*params, *names],
    ).fetchall()
    return [(t, n, undated) for t, n, undated in found if n or undated]


def describe(counts: list[tuple[str, int, int]], period: str = "in this period") -> list[str]:
    """Sentences for a page: '3 referrals in this period are quarantined'."""
    lines = []
    for table, n, undated in counts:
        one, many = NOUNS.get(table, (f"{table} row", f"{table} rows"))
        if n:
            lines.append(
                f"{n:,} {one if n == 1 else many} {period} {'is' if n == 1 else 'are'} quarantined"
            )
        if undated:
            lines.append(
                f"{undated:,} {one if undated == 1 else many} with no usable date "
                f"{'is' if undated == 1 else 'are'} quarantined"
            )
    return lines
