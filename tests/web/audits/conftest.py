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


def make_audit_snapshot(home: Path, to_december: bool = False) -> str:
    """Three open CIN cases held by worker SW1 (ZQ7001, ZQ7002) and SW2 (ZQ7003), referred
    on 1 May 2019. With `to_december` another child's contacts make the data run from 1 April
    to 31 December 2019, so that a round can be planned for Q1 to Q3 2019-20."""
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
    if to_december:
        con.execute(
            "INSERT INTO contacts (contact_id, child_id, contact_date, source) VALUES "
            "('K1', 'ZQ7009', DATE '2019-04-01', 't'), ('K2', 'ZQ7009', DATE '2019-12-31', 't')"
        )
    con.close()
    (folder / f"{SNAP}.json").write_text("{}", encoding="utf-8")
    snapshots.publish(SNAP, home)
    return SNAP
