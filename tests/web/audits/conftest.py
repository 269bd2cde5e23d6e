"""A small hand-made snapshot for the audit pages: three open child-in-need cases."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from csc_insight.store import schema, snapshots

CHILDREN = ["ZQ7001", "ZQ7002", "ZQ7003"]
SNAP = "20200115T090000Z-a0d175"


@pytest.fixture
def snap(home: Path) -> str:
    return make_audit_snapshot(home)


def make_audit_snapshot(home: Path) -> str:
    """Three open CIN cases held by worker SW1 (ZQ7001, ZQ7002) and SW2 (ZQ7003)."""
    folder = snapshots.snapshot_dir(home)
    con = duckdb.connect(str(folder / f"{SNAP}.duckdb"))
    schema.create(con)
    for child, worker in zip(CHILDREN, ["SW1", "SW1", "SW2"], strict=True):
        con.execute("INSERT INTO children (child_id, source) VALUES (?, 't')", [child])
        con.execute(
            "INSERT INTO referrals (referral_id, child_id, referral_date, source) "
            "VALUES (?, ?, DATE '2019-05-01', 't')",
            [f"R{child}", child],
        )
        con.execute(
            "INSERT INTO allocations (child_id, worker, team, start_date, source) "
            "VALUES (?, ?, 'T', DATE '2019-05-01', 't')",
            [child, worker],
        )
    con.close()
    (folder / f"{SNAP}.json").write_text("{}", encoding="utf-8")
    snapshots.publish(SNAP, home)
    return SNAP
