"""Jobs run a few at a time on one database (`common.lanes`), on a real DuckDB file."""

from __future__ import annotations

import threading
import time

import duckdb
import pytest

from csc_insight.common.lanes import in_lanes, on_threads, share, threads_of


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


def test_the_lanes_share_the_threads_until_the_last_job_is_taken(con):
    """While both lanes have a job, they share the database's threads (three: one each);
    the lane that finds nothing left to take gives them all back to the job still running,
    and the database has them after."""
    con.execute("SET threads = 3")
    both_started = threading.Barrier(2, timeout=10)

    def job(cursor: duckdb.DuckDBPyConnection, item: str) -> tuple[int, int | None]:
        seen = threads_of(cursor)
        both_started.wait()  # each lane holds one of the two jobs
        if item == "short":
            return seen, None
        deadline = time.monotonic() + 10  # until the other lane has found the queue empty
        while threads_of(cursor) != 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        return seen, threads_of(cursor)

    assert in_lanes(con, ["long", "short"], job) == [(1, 3), (1, None)]
    assert threads_of(con) == 3
    # On more cores each lane has its share of them.
    con.execute("SET threads = 4")
    both_again = threading.Barrier(2, timeout=10)

    def seen(cursor: duckdb.DuckDBPyConnection, _: str) -> int:
        mine = threads_of(cursor)
        both_again.wait()
        return mine

    assert in_lanes(con, ["a", "b"], seen) == [2, 2]
    assert threads_of(con) == 4
    # One lane runs on the connection as it is.
    assert in_lanes(con, ["short"], lambda c, _: threads_of(c), lanes=1) == [4]


def test_on_threads_gives_them_back_when_asked_from_any_thread_or_at_the_end(con):
    con.execute("SET threads = 3")
    with pytest.raises(RuntimeError), on_threads(con, 1):
        assert threads_of(con) == 1
        raise RuntimeError
    assert threads_of(con) == 3
    with on_threads(con, 1) as every_thread:
        assert threads_of(con) == 1
        elsewhere = threading.Thread(target=every_thread)
        elsewhere.start()
        elsewhere.join()
        assert threads_of(con) == 3
        con.execute("SET threads = 2")
        every_thread()  # a second call changes nothing
        assert threads_of(con) == 2
    assert threads_of(con) == 2


def test_a_share_is_at_least_one_thread(con):
    con.execute("SET threads = 5")
    assert [share(con, ways) for ways in (1, 2, 3, 5, 8)] == [5, 2, 1, 1, 1]
