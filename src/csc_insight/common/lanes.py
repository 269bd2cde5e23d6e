"""Running independent DuckDB jobs a few at a time on one database, each lane of work on a
connection of its own (a cursor of the given connection), and running a database's queries
on fewer threads while something else keeps the other cores busy.

A single query leaves a core idle in its single-threaded stretches (planning, the end of a
sort, writing its last rows, a small query's whole run); a second lane fills them. The load
merges its tables this way, and runs its rules.

While every lane has work, the lanes share the database's threads (`share`: on two cores,
one each): a query split across threads does more work in all (its hash tables and sorts
built in parts and combined), and with two lanes on two cores no core is left over to take
the extra. On an England-sized year the merges took a fifth less CPU on one thread each
(children, visits, contacts and referrals one after another: 25.7 s of CPU against 31.9 s
on two threads), and the load's peak memory fell by about 0.45 GiB. Once the last job has
been taken, the lanes still running have all the database's threads again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

import duckdb

Item = TypeVar("Item")
Result = TypeVar("Result")


def in_lanes(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[Item],
    job: Callable[[duckdb.DuckDBPyConnection, Item], Result],
    lanes: int = 2,
) -> list[Result]:
    """`job(connection, item)` for each of `items`, results in the order of `items`. With
    more than one lane, each lane takes the next item not yet taken (so items given largest
    first spread evenly), on a cursor of `con` of its own, and the lanes `share` the
    database's threads until the last item is taken; with one lane, on `con` itself. An
    exception in a job is raised here once the lanes have stopped."""
    if lanes <= 1:
        return [job(con, item) for item in items]
    results: list[Result | None] = [None] * len(items)
    todo = iter(enumerate(items))
    taking = threading.Lock()
    with on_threads(con, share(con, lanes)) as restore:

        def lane() -> None:
            cursor = con.cursor()
            try:
                while True:
                    with taking:
                        step = next(todo, None)
                        if step is None:
                            restore()  # the lanes still running have every thread again
                            return
                    at, item = step
                    results[at] = job(cursor, item)
            finally:
                cursor.close()

        with ThreadPoolExecutor(max_workers=lanes) as pool:
            for done in [pool.submit(lane) for _ in range(lanes)]:
                done.result()
    return results  # type: ignore[return-value]  # every slot filled, or a job raised


def share(con: duckdb.DuckDBPyConnection, ways: int) -> int:
    """The threads each of `ways` things running at once may have of the database's (of the
    machine's, for a database left at DuckDB's default): at least one."""
    return max(1, threads_of(con) // ways)


def threads_of(con: duckdb.DuckDBPyConnection) -> int:
    """The threads the database of `con` runs its queries on now."""
    return int(con.execute("SELECT current_setting('threads')").fetchone()[0])  # type: ignore[index]


@contextmanager
def on_threads(con: duckdb.DuckDBPyConnection, threads: int) -> Iterator[Callable[[], None]]:
    """The database of `con` runs its queries on `threads` threads (a setting of the whole
    database, every cursor of it) until the block ends or the function it gives is called,
    from any thread, which sets the threads back as they were; calling it again does
    nothing."""
    setter = con.cursor()  # of its own: `con` may be running a query when it is called
    before = threads_of(setter)
    setter.execute(f"SET threads = {int(threads)}")
    restored = False
    lock = threading.Lock()

    def restore() -> None:
        nonlocal restored
        with lock:
            if not restored:
                setter.execute(f"SET threads = {before}")
                restored = True

    try:
        yield restore
    finally:
        restore()
        setter.close()
