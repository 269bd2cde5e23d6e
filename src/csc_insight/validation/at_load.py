"""The rules at every load: run on the new snapshot file before it is published, kept in
it (snapshot_meta key `validation`, the results as JSON), and compared with the previous
load's.

A load is never refused for failing rules unless the administrator sets
CSC_INSIGHT_VALIDATION_BLOCKS=1; then a DfE error (severity `error`) refuses it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from csc_insight.common.report import Report
from csc_insight.indicators import precomputed
from csc_insight.store import loader, snapshots
from csc_insight.validation.runner import Failure, Results, run


def load(paths: list[Path], **options: Any) -> loader.LoadResult:
    """`csc_insight.store.loader.load` with the rules run before the snapshot is published,
    and the common views that depend on the snapshot alone made as tables in it
    (`indicators.precomputed`): the one way the CLI and the web load returns."""
    return loader.load(paths, check=_before_publish, **options)


def _before_publish(db_path: Path, report: Report) -> bool:
    """Make the tables of the views of the snapshot alone (`indicators.precomputed`) and run
    the rules on the new snapshot file, two jobs at a time (the tables first, in one lane,
    the rules in the other and then in both), and keep the rules' results in it. False,
    refusing the load, only when CSC_INSIGHT_VALIDATION_BLOCKS is set and a DfE error
    fails."""
    con = duckdb.connect(str(db_path))
    try:
        checks = run(con, lanes=2, first=precomputed.make)
        if blocks() and checks.count("error"):
            report.error(
                "validation_blocks",
                "-",
                f"{checks.count('error')} rows fail the DfE "
                "validation rules and CSC_INSIGHT_VALIDATION_BLOCKS is set: see "
                "`csc-insight validate PATH...`.",
            )
            return False
        con.execute("DELETE FROM snapshot_meta WHERE key = 'validation'")
        con.execute(
            "INSERT INTO snapshot_meta VALUES ('validation', ?)",
            [json.dumps(checks.to_dict(), default=str)],
        )
    finally:
        con.close()
    return True


def blocks() -> bool:
    """CSC_INSIGHT_VALIDATION_BLOCKS=1: failing rules of severity error refuse the load."""
    return os.environ.get("CSC_INSIGHT_VALIDATION_BLOCKS", "").strip().lower() in (
        "1",
        "true",
        "yes",
    )


def stored(snapshot_id: str, base: Path | None = None) -> Results | None:
    """The results kept with a snapshot (None for a snapshot loaded before validation)."""
    con = snapshots.connect(snapshot_id, base)
    try:
        return stored_on(con)
    finally:
        con.close()


def results_for(snapshot_id: str, base: Path | None = None) -> Results:
    """The results kept with a snapshot, or (loaded before validation) run now."""
    con = snapshots.connect(snapshot_id, base)
    try:
        return stored_on(con) or run(con)
    finally:
        con.close()


def stored_on(con: duckdb.DuckDBPyConnection) -> Results | None:
    row = con.execute("SELECT value FROM snapshot_meta WHERE key = 'validation'").fetchall()
    return Results.from_dict(json.loads(row[0][0])) if row else None


def _key(f: Failure) -> tuple:
    """The same failure in two loads: rule, child and values (rows move between files)."""
    return (f.rule, f.child, json.dumps(f.values, sort_keys=True, default=str))


@dataclass(frozen=True)
class Change:
    fixed: int  # failures of the previous load no longer there
    new: int  # failures not in the previous load
    previous_id: str


def changes(snapshot_id: str, base: Path | None = None) -> Change | None:
    """What changed since the snapshot loaded before `snapshot_id` (None: no earlier one
    with stored results)."""
    ids = snapshots.read_index(base)["snapshots"]
    if snapshot_id not in ids:
        return None
    earlier = ids[: ids.index(snapshot_id)]
    current = stored(snapshot_id, base)
    if current is None:
        return None
    for previous_id in reversed(earlier):
        previous = stored(previous_id, base)
        if previous is not None:
            before = {_key(f) for f in previous.failures}
            now = {_key(f) for f in current.failures}
            return Change(fixed=len(before - now), new=len(now - before), previous_id=previous_id)
    return None
