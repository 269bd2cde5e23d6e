"""The tiny hand-built snapshot of the committee-paper tests, as a plain module so that a
module-scoped fixture can build it too (a test module cannot import `conftest` by name when
several test folders have one)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb

from csc_insight.common.calendar import build_calendar
from csc_insight.store import schema, snapshots

# Q3 2019-20 is October-December 2019; Q2 July-September 2019; Q3 2018-19 a year earlier.
HAND_ROWS = {
    "snapshot_meta (key, value)": ["('id', 'hand-1')"],
    "children (child_id, dob, sex, source)": [
        f"('CHX{n}', DATE '2010-01-0{n}', 'F', 'x')" for n in range(1, 10)
    ],
    # 7 contacts in Q3 2019-20, 3 in Q2 2019-20, 9 in Q3 2018-19.
    "contacts (contact_id, child_id, contact_date, decision_date, source)": [
        f"('K3{n}', 'CHX{n}', DATE '2019-10-1{n}', DATE '2019-10-1{n}', 'x')" for n in range(1, 8)
    ]
    + [f"('K2{n}', 'CHX{n}', DATE '2019-08-1{n}', DATE '2019-08-1{n}', 'x')" for n in range(1, 4)]
    + [f"('K1{n}', 'CHX{n}', DATE '2018-11-1{n}', DATE '2018-11-1{n}', 'x')" for n in range(1, 10)],
    # 2 referrals in Q3 2019-20.
    "referrals (referral_id, child_id, referral_date, nfa, source)": [
        "('R1', 'CHX1', DATE '2019-10-21', FALSE, 'x')",
        "('R2', 'CHX2', DATE '2019-11-21', FALSE, 'x')",
    ],
    # CHX9 came back on 2 November 2019 and was not offered a return home interview.
    "missing_episodes (child_id, missing_type, start_date, end_date, rhi_offered, source)": [
        "('CHX9', 'M', DATE '2019-11-01', DATE '2019-11-02', FALSE, 'x')",
        "('CHX8', 'M', DATE '2019-11-03', DATE '2019-11-04', TRUE, 'x')",
    ],
    "workers (worker, name, team, source)": ["('W9', 'Ada Quimby', 'Team A', 'x')"],
    "allocations (child_id, worker, team, start_date, source)": [
        "('CHX1', 'W9', 'Team A', DATE '2019-01-01', 'x')"
    ],
}


def publish(
    base: Path, snapshot_id: str, build: Callable[[duckdb.DuckDBPyConnection], None]
) -> str:
    folder = snapshots.snapshot_dir(base)
    con = duckdb.connect(str(folder / f"{snapshot_id}.duckdb"))
    build(con)
    con.close()
    (folder / f"{snapshot_id}.json").write_text(json.dumps({"rows": {}}), encoding="utf-8")
    snapshots.publish(snapshot_id, base)
    return snapshot_id


def build_hand(con: duckdb.DuckDBPyConnection) -> None:
    schema.create(con)
    build_calendar(con, date(2017, 1, 1), date(2021, 12, 31))
    for target, values in HAND_ROWS.items():
        table, _, columns = target.partition(" ")
        con.execute(f"INSERT INTO {table} {columns} VALUES " + ", ".join(values))
