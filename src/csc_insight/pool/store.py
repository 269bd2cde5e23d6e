"""The pooled store on disk: Parquet partitioned by council and load, and the manifest that
says which load of each council is current.

    <pool>/manifest.json                                  {"councils": {code: {"load": id, ...}}}
    <pool>/<table>/la=<code>/load=<id>/part.parquet       one file per canonical table
    <pool>/pool.key                                       the owner's key (keys.py), mode 0600

The manifest is the single commit point: an add writes every table of its new load first,
then replaces the manifest in one atomic rename (os.replace), and only then removes the
council's older load. Until that rename the previous load stays current, and a failed add
removes what it wrote, leaving the pool exactly as it was; files a killed add left behind
are in no manifest, are never read, and are swept by the next add. One add runs at a time.

Readers only ever read the files the manifest names, so `--pool` may also be an
object-storage path (s3a://bucket/pool) for Spark; adds write to a local (or mounted)
folder.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from csc_insight.settings import home

MANIFEST = "manifest.json"
LOCK = ".add.lock"
_LA_CODE = re.compile(r"^[A-Z0-9]{1,16}$")


def default_pool_dir() -> Path:
    """$CSC_INSIGHT_HOME/pool."""
    return home() / "pool"


def is_remote(pool: str | Path) -> bool:
    """An object-storage or HDFS path (s3a://, gs://, abfss://, hdfs://...)."""
    return "://" in str(pool)


def check_la_code(code: str) -> str:
    """The council code as the pool keeps it (upper case); ValueError when it could not
    name a folder safely (letters and digits only: E09000001 or 201)."""
    text = code.strip().upper()
    if not _LA_CODE.match(text):
        raise ValueError(f"LA_CODE must be letters and digits (E09000001 or 201), not {code!r}")
    return text


def part_path(pool: str | Path, table: str, la_code: str, load_id: str) -> str:
    """Where one table of one load of one council lives."""
    return f"{str(pool).rstrip('/')}/{table}/la={la_code}/load={load_id}/part.parquet"


def read_manifest(pool: str | Path) -> dict[str, Any]:
    """A local pool's manifest ({"councils": {}} for a new pool). A remote pool's is read
    through Spark (`compute.manifest_for`)."""
    if is_remote(pool):
        raise ValueError(f"{pool}: a remote pool's manifest is read through Spark")
    path = Path(pool) / MANIFEST
    if not path.exists():
        return {"councils": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def write_manifest(pool: Path, data: dict[str, Any]) -> None:
    """Replace the manifest atomically (write beside it, fsync, rename over)."""
    tmp = pool / f".{MANIFEST}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, pool / MANIFEST)
    dir_fd = os.open(pool, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


@contextmanager
def exclusive(pool: Path) -> Iterator[bool]:
    """Hold the pool's add lock; yields False when another add holds it."""
    pool.mkdir(parents=True, exist_ok=True)
    with open(pool / LOCK, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def load_dirs(pool: Path, la_code: str) -> list[Path]:
    """Every load folder of a council, in every table."""
    return sorted(pool.glob(f"*/la={la_code}/load=*"))


def remove_loads(pool: Path, la_code: str, keep: str | None) -> None:
    """Remove a council's load folders other than `keep` (and emptied council folders)."""
    for folder in load_dirs(pool, la_code):
        if folder.name != f"load={keep}":
            shutil.rmtree(folder, ignore_errors=True)
            parent = folder.parent
            if parent.exists() and not any(parent.iterdir()):
                parent.rmdir()


def sweep(pool: Path) -> None:
    """Remove what killed adds left: load folders no manifest names, temporary manifests."""
    councils = read_manifest(pool)["councils"]
    for leftover in pool.glob(f".{MANIFEST}.*.tmp"):
        leftover.unlink(missing_ok=True)
    for folder in pool.glob("*/la=*"):
        code = folder.name.removeprefix("la=")
        remove_loads(pool, code, (councils.get(code) or {}).get("load"))
