"""Snapshots on disk: list them, find the current one, open one read-only, switch back.

Layout under $CSC_INSIGHT_HOME:

    snapshots/<id>.duckdb      one immutable DuckDB file per successful load
    snapshots/<id>.json        its manifest (source files with SHA-256, row counts, who, when)
    snapshots/index.json       {"current": id, "snapshots": [ids, oldest first]}

The index is the single commit point: a load writes its DuckDB file and manifest first,
then replaces the index in one atomic rename. A load killed at any moment before that
rename leaves the index, and so the snapshot list and the current snapshot, exactly as
they were; files it left behind are not in the index and are swept by the next load.
A snapshot id sorts by time: `20200210T093000Z-1a2b3c`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from csc_insight.settings import home


class SnapshotError(Exception):
    """No such snapshot, or none loaded yet."""


@dataclass(frozen=True)
class Snapshot:
    id: str
    path: Path
    manifest: dict[str, Any]

    @property
    def created_at(self) -> str:
        return str(self.manifest.get("created_at", ""))

    @property
    def created_by(self) -> str:
        return str(self.manifest.get("created_by", ""))

    def rows(self) -> dict[str, int]:
        return dict(self.manifest.get("rows", {}))

    def load_seconds(self) -> float | None:
        """How long its load took (None for a load made before loads timed themselves)."""
        return (self.manifest.get("timings") or {}).get("seconds")


def snapshot_dir(base: Path | None = None) -> Path:
    path = (base or home()) / "snapshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def read_index(base: Path | None = None) -> dict[str, Any]:
    index = snapshot_dir(base) / "index.json"
    if not index.exists():
        return {"current": None, "snapshots": []}
    return json.loads(index.read_text(encoding="utf-8"))


def write_index(data: dict[str, Any], base: Path | None = None) -> None:
    """Replace the index atomically (write beside it, fsync, rename over)."""
    folder = snapshot_dir(base)
    tmp = folder / f".index.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / "index.json")
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _snapshot(snapshot_id: str, base: Path | None) -> Snapshot:
    folder = snapshot_dir(base)
    manifest = json.loads((folder / f"{snapshot_id}.json").read_text(encoding="utf-8"))
    return Snapshot(snapshot_id, folder / f"{snapshot_id}.duckdb", manifest)


def list_snapshots(base: Path | None = None) -> list[Snapshot]:
    """Every published snapshot, oldest first."""
    return [_snapshot(i, base) for i in read_index(base)["snapshots"]]


def get(snapshot_id: str, base: Path | None = None) -> Snapshot:
    if snapshot_id not in read_index(base)["snapshots"]:
        raise SnapshotError(f"No snapshot called {snapshot_id!r}: see `csc-insight snapshots`.")
    return _snapshot(snapshot_id, base)


def current_id(base: Path | None = None) -> str | None:
    return read_index(base)["current"]


def current(base: Path | None = None) -> Snapshot:
    snapshot_id = current_id(base)
    if snapshot_id is None:
        raise SnapshotError("No data loaded yet: run `csc-insight load PATH` first.")
    return get(snapshot_id, base)


def set_current(snapshot_id: str, base: Path | None = None) -> Snapshot:
    """Make an earlier (or later) snapshot current again."""
    index = read_index(base)
    snap = get(snapshot_id, base)
    write_index({**index, "current": snap.id}, base)
    return snap


def publish(snapshot_id: str, base: Path | None = None) -> Snapshot:
    """Add a finished snapshot (its .duckdb and .json already in place) and make it current."""
    index = read_index(base)
    write_index({"current": snapshot_id, "snapshots": [*index["snapshots"], snapshot_id]}, base)
    return get(snapshot_id, base)


def recorded_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """The id a snapshot's file records for itself (snapshot_meta), or None."""
    found = con.execute("SELECT value FROM snapshot_meta WHERE key = 'id'").fetchone()
    return found[0] if found else None


def connect(snapshot_id: str | None = None, base: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a snapshot (the current one by default)."""
    snap = get(snapshot_id, base) if snapshot_id else current(base)
    return duckdb.connect(str(snap.path), read_only=True)
