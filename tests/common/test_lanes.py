"""Jobs run a few at a time on one database (`common.lanes`), on a real DuckDB file."""

from __future__ import annotations

import threading

import duckdb
import pytest

from csc_insight.common.lanes import in_lanes


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "lanes.duckdb"))
    con.execute("CREATE TABLE n AS SELECT range AS i FROM range(1000)")
    yield con
    con.close()


def test_results_come_in_the_order_of_the_items_from_two_connections(con):
    seen: dict[int, set[int]] = {}  # thread -> connections it used

    def job(cursor: duckdb.DuckDBPyConnection, below: int) -> int:
        seen.setdefault(threading.get_ident(), set()).add(id(cursor))
        return cursor.execute("SELECT count(*) FROM n WHERE i < ?", [below]).fetchone()[0]

    items = [900, 10, 500, 0, 999, 250]
    assert in_lanes(con, items, job) == [900, 10, 500, 0, 999, 250]
    assert all(len(connections) == 1 for connections in seen.values())
    assert id(con) not in set().union(*seen.values())  # each lane on a cursor of its own
    # One lane: every job on the connection given, in order.
    assert in_lanes(con, items, lambda c, below: (c is con, job(c, below)), lanes=1) == [
        (True, n) for n in items
    ]


def test_a_failing_job_is_raised(con):
    def job(cursor: duckdb.DuckDBPyConnection, table: str) -> int:
        return cursor.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    with pytest.raises(duckdb.CatalogException, match="missing"):
        in_lanes(con, ["n", "missing", "n"], job)
