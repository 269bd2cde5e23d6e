"""Where a load's staged rows are (`store.staged`): each table both processes staged brought
together in whichever staging database held more of it, and the cross-file checks and the
merges reading and changing it there. Real DuckDB files built by hand."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from csc_insight.common.report import Report
from csc_insight.formats import quarantine as staged_quarantine
from csc_insight.store import merge, quarantine, schema
from csc_insight.store.staged import Staged


def _child(con: duckdb.DuckDBPyConnection, table: str, child: str, dob: str, ref: str) -> None:
    con.execute(
        f"INSERT INTO {table} (child_id, dob, source, source_ref) VALUES (?, ?, 'annex_a', ?)",
        [child, date.fromisoformat(dob), ref],
    )


def _referral(con: duckdb.DuckDBPyConnection, table: str, child: str, ref: str) -> None:
    con.execute(
        f"INSERT INTO {table} (referral_id, child_id, referral_date, source, source_ref) "
        "VALUES (?, ?, DATE '2019-06-03', 'annex_a', ?)",
        [f"{child}-1", child, ref],
    )


@pytest.fixture
def two(tmp_path):
    """The load's staging database (current) with the worker's attached as `worker`.

    Children: A1, B2 and X0 here; A1 (another date of birth) and C3 in the worker, so the
    worker's two rows come here. Referrals: one of A1 here; three in the worker (B2, C3 and
    ZZ9, in no file), so this one goes there."""
    worker = duckdb.connect(str(tmp_path / "worker.duckdb"))
    schema.create(worker)
    staged_quarantine.ensure(worker)
    worker.close()
    con = duckdb.connect(str(tmp_path / "staging.duckdb"))
    schema.create(con)
    staged_quarantine.ensure(con)
    con.execute(f"ATTACH '{tmp_path / 'worker.duckdb'}' AS worker")
    _child(con, "children", "A1", "2010-01-05", "list_1.csv:2")
    _child(con, "children", "B2", "2012-03-04", "list_1.csv:3")
    _child(con, "worker.children", "A1", "2010-05-01", "list_3.csv:2")
    _child(con, "worker.children", "C3", "2014-07-08", "list_3.csv:3")
    _child(con, "children", "X0", "2011-01-01", "list_1.csv:4")
    _referral(con, "referrals", "A1", "list_6.csv:2")
    for row, child in enumerate(["B2", "C3", "ZZ9"], start=2):
        _referral(con, "worker.referrals", child, f"list_3.csv:{row}")
    yield con
    con.close()


def test_each_table_is_brought_together_where_it_has_more_rows(two):
    staged = Staged()
    copied = staged.combine(two, "worker", {"children": 2, "referrals": 3, "cp_plans": 0})
    assert copied == {"children": 2, "referrals": 1}
    assert staged.table("children") == "children"
    assert staged.table("referrals") == "worker.referrals"
    assert staged.table("contacts") == "contacts"  # the worker staged none
    assert two.execute("SELECT count(*) FROM children").fetchall() == [(5,)]
    # The home's rows first, where the worker's are added to them, and after, the other way.
    assert two.execute("SELECT source_ref FROM worker.referrals ORDER BY rowid").fetchall() == [
        ("list_3.csv:2",),
        ("list_3.csv:3",),
        ("list_3.csv:4",),
        ("list_6.csv:2",),
    ]
    assert Staged("staging", {"referrals": "worker"}).table("children") == "staging.children"


def test_the_checks_and_merges_change_and_read_the_rows_where_they_are(two, tmp_path):
    staged = Staged()
    staged.combine(two, "worker", {"children": 2, "referrals": 3})
    report = Report(quarantine=True)
    # A1's two dates of birth: blanked in the table that holds them (here).
    assert quarantine.blank_conflicting_dobs(two, report, staged) == 1
    assert two.execute("SELECT child_id, dob FROM children WHERE child_id = 'A1'").fetchall() == [
        ("A1", None),
        ("A1", None),
    ]
    # ZZ9's referral is set aside from the worker's database, which holds the referrals.
    assert quarantine.set_aside_orphans(two, ["referrals"], report, staged) == {"referrals": 1}
    assert two.execute("SELECT child_id FROM worker.referrals ORDER BY child_id").fetchall() == [
        ("A1",),
        ("B2",),
        ("C3",),
    ]
    assert two.execute("SELECT count(*) FROM referrals").fetchall() == [(1,)]  # left alone
    assert two.execute(
        "SELECT problem, target, child_id FROM quarantine ORDER BY problem, child_id"
    ).fetchall() == [
        ("dob_conflict", "children", "A1"),
        ("dob_conflict", "children", "A1"),
        ("orphan", "referrals", "ZZ9"),
    ]
    two.execute(f"ATTACH '{tmp_path / 'snap.duckdb'}' AS snap")
    two.execute("USE snap")
    schema.create(two)
    two.execute("USE staging")
    assert merge.merge_table(two, "referrals", staged, "snap") == 3
    assert merge.merge_table(two, "children", staged, "snap") == 4
