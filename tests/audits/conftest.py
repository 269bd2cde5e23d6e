"""Hand-built snapshots for the audit sampler: canonical tables on a DuckDB file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from csc_insight.store import schema


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(tmp_path / "snapshot.duckdb"))
    schema.create(connection)
    yield connection
    connection.close()


def allocate(
    con: duckdb.DuckDBPyConnection, caseloads: dict[str, int], opened: str = "2018-01-10"
) -> list[str]:
    """Open a CIN referral for each case and allocate it: worker -> number of cases.

    Child ids are the worker's name and a number: W1-01, W1-02, ...
    """
    made = []
    for worker, count in caseloads.items():
        for n in range(1, count + 1):
            child = f"{worker}-{n:02d}"
            con.execute(
                "INSERT INTO referrals (referral_id, child_id, referral_date, source) "
                "VALUES (?, ?, ?, 'test')",
                [f"R-{child}", child, opened],
            )
            con.execute(
                "INSERT INTO allocations (child_id, worker, team, start_date, source) "
                "VALUES (?, ?, 'Team A', ?, 'test')",
                [child, worker, opened],
            )
            made.append(child)
    return made
