"""Running independent DuckDB jobs a few at a time on one database, each lane of work on a
connection of its own (a cursor of the given connection).

A single query leaves a core idle in its single-threaded stretches (planning, the end of a
sort, writing its last rows, a small query's whole run); a second lane fills them. The load
merges its tables this way, and runs its rules.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
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
    first spread evenly), on a cursor of `con` of its own; with one, on `con` itself. An
    exception in a job is raised here once the lanes have stopped."""
    if lanes <= 1:
        return [job(con, item) for item in items]
    results: list[Result | None] = [None] * len(items)
    todo = iter(enumerate(items))
    taking = threading.Lock()

    def lane() -> None:
        cursor = con.cursor()
        try:
            while True:
                with taking:
                    step = next(todo, None)
                if step is None:
                    return
                at, item = step
                results[at] = job(cursor, item)
        finally:
            cursor.close()

    with ThreadPoolExecutor(max_workers=lanes) as pool:
        for done in [pool.submit(lane) for _ in range(lanes)]:
            done.result()
    return results  # type: ignore[return-value]  # every slot filled, or a job raised
