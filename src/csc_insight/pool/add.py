"""`pool add`: validate one council's returns exactly as `load` does, then write them,
pseudonymised, as that council's new current load in the pool.

The returns are loaded into a temporary install with the same loader and rules
(`csc_insight.validation.at_load.load`): whatever refuses a load (an unreadable file, a
missing column, no rows, with `strict` any bad row) refuses the add, and nothing in the pool
changes. Then every canonical table goes to Parquet through `pseudonymise.select_sql`, and
the manifest switches to the new load (store.py says why a failure at any point leaves the
pool as it was).
"""

from __future__ import annotations

import getpass
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from csc_insight.common.report import Report
from csc_insight.pool import pseudonymise, store
from csc_insight.pool.keys import pool_key
from csc_insight.store.schema import tables
from csc_insight.validation import at_load


@dataclass
class AddResult:
    la_code: str
    load_id: str | None  # None: refused, the pool unchanged
    report: Report
    rows: dict[str, int] = field(default_factory=dict)
    previous_load: str | None = None

    @property
    def ok(self) -> bool:
        return self.load_id is not None


class PoolAddError(Exception):
    """Another add holds the pool."""


def add(
    la_code: str,
    paths: list[Path],
    pool_dir: Path | None = None,
    *,
    user: str | None = None,
    strict: bool = False,
) -> AddResult:
    """Validate `paths` as council `la_code`'s returns and make them its current load."""
    code = store.check_la_code(la_code)
    pool = Path(pool_dir or store.default_pool_dir())
    if store.is_remote(pool):
        raise ValueError("pool add writes to a local or mounted folder, not " + str(pool))
    with store.exclusive(pool) as locked:
        if not locked:
            raise PoolAddError(f"Another pool add is running on {pool}; try again after it.")
        store.sweep(pool)
        for leftover in pool.glob(".add-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        key = pool_key(pool)
        work = Path(tempfile.mkdtemp(prefix=".add-", dir=pool))
        try:
            loaded = at_load.load(list(paths), base=work / "install", user=user, strict=strict)
            if loaded.snapshot is None:
                return AddResult(code, None, loaded.report)
            return _write(pool, code, key, loaded.snapshot, loaded.report, user)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _write(
    pool: Path, code: str, key: bytes, snapshot: Any, report: Report, user: str | None
) -> AddResult:
    load_id = snapshot.id
    written: list[Path] = []
    rows: dict[str, int] = {}
    try:
        con = duckdb.connect(str(snapshot.path), read_only=True)
        try:
            pseudonymise.register(con, key, code)
            for table in tables():
                target = Path(store.part_path(pool, table, code, load_id))
                target.parent.mkdir(parents=True, exist_ok=True)
                written.append(target.parent)
                con.execute(
                    f"COPY ({pseudonymise.select_sql(table)}) TO '{target}' "
                    "(FORMAT PARQUET, COMPRESSION ZSTD)"
                )
                rows[table] = con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        finally:
            con.close()
        manifest = store.read_manifest(pool)
        previous = (manifest["councils"].get(code) or {}).get("load")
        manifest["councils"][code] = {
            "load": load_id,
            "added_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "added_by": user or getpass.getuser(),
            "rows": rows,
            "files": [
                {"file": f["file"], "format": f["format"], "sha256": f["sha256"]}
                for f in snapshot.manifest.get("files", [])
            ],
        }
        store.write_manifest(pool, manifest)
    except BaseException:
        for folder in written:  # the new load only: the current one is untouched
            shutil.rmtree(folder, ignore_errors=True)
            if folder.parent.exists() and not any(folder.parent.iterdir()):
                folder.parent.rmdir()
            if folder.parent.parent.exists() and not any(folder.parent.parent.iterdir()):
                folder.parent.parent.rmdir()
        raise
    store.remove_loads(pool, code, keep=load_id)
    return AddResult(code, load_id, report, rows, previous)
