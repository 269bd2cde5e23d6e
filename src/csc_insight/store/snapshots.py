"""Snapshots on disk: list them, find the current one, open one read-only, switch back.

Layout under $CSC_INSIGHT_HOME:

    snapshots/<id>.duckdb      one immutable DuckDB file per successful load
    snapshots/<id>.json        its manifest (source files with SHA-256, row counts, who, when)
    CURRENT                    the id of the current snapshot (replaced atomically)

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


def snapshot_dir(base: Path | None = None) -> Path:
    path = (base or home()) / "snapshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _pointer(base: Path | None = None) -> Path:
    return (base or home()) / "CURRENT"


def list_snapshots(base: Path | None = None) -> list[Snapshot]:
    """Every complete snapshot, oldest first (a file without its manifest is not complete)."""
    found = []
    for manifest in sorted(snapshot_dir(base).glob("*.json")):
        db = manifest.with_suffix(".duckdb")
        if db.exists():
            data = json.loads(manifest.read_text(encoding="utf-8"))
            found.append(Snapshot(manifest.stem, db, data))
    return found


def get(snapshot_id: str, base: Path | None = None) -> Snapshot:
    for snap in list_snapshots(base):
        if snap.id == snapshot_id:
            return snap
    raise SnapshotError(f"No snapshot called {snapshot_id!r}: see `csc-insight snapshots`.")


def current_id(base: Path | None = None) -> str | None:
    pointer = _pointer(base)
    if not pointer.exists():
        return None
    return pointer.read_text(encoding="utf-8").strip() or None


def current(base: Path | None = None) -> Snapshot:
    snapshot_id = current_id(base)
    if snapshot_id is None:
        raise SnapshotError("No data loaded yet: run `csc-insight load PATH` first.")
    return get(snapshot_id, base)


def set_current(snapshot_id: str, base: Path | None = None) -> Snapshot:
    """Make `snapshot_id` current: write the pointer beside it, fsync, then rename over."""
    snap = get(snapshot_id, base)
    pointer = _pointer(base)
    tmp = pointer.with_name(f".CURRENT.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(snap.id + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, pointer)
    return snap


def connect(snapshot_id: str | None = None, base: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a snapshot (the current one by default)."""
    snap = get(snapshot_id, base) if snapshot_id else current(base)
    return duckdb.connect(str(snap.path), read_only=True)
