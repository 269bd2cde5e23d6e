"""Where the published-value tables live: shipped with the package, or loaded by the user.

Layout under $CSC_INSIGHT_HOME:

    benchmarks/<load-id>/published.parquet    the long table of published values
    benchmarks/<load-id>/neighbours.parquet   statistical neighbours (10 per LA)
    benchmarks/<load-id>/manifest.json        what was read, when
    benchmarks/CURRENT                        the load in use (replaced atomically)

With no CURRENT, the copy shipped in the package (`benchmarks/data/`, built from DfE's files
by `build_shipped`) is used, so a fresh install compares out of the box. A load writes a new
directory and only then switches CURRENT, so a failed load leaves the previous table in use.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from csc_insight.benchmarks.read import ReadResult, read_dir
from csc_insight.settings import home

SHIPPED = Path(__file__).parent / "data"
PUBLISHED = "published.parquet"
NEIGHBOURS = "neighbours.parquet"


class BenchmarkLoadError(Exception):
    """A file could not be read; nothing was written. `.result.report` says what and where."""

    def __init__(self, result: ReadResult) -> None:
        self.result = result
        lines = [f"{i.where()}: {i.message}" for i in result.report.errors]
        super().__init__("benchmark load refused, nothing changed:\n" + "\n".join(lines))


def root() -> Path:
    return home() / "benchmarks"


def _pointer() -> Path:
    return root() / "CURRENT"


def current_dir() -> Path:
    """The directory whose tables are in use: the latest load, else the shipped copy."""
    pointer = _pointer()
    if pointer.exists():
        return root() / pointer.read_text(encoding="utf-8").strip()
    return SHIPPED


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    published = pa.schema(
        [
            ("indicator_id", pa.string()),
            ("year", pa.string()),
            ("level", pa.string()),
            ("area_code", pa.string()),
            ("old_la_code", pa.string()),
            ("area_name", pa.string()),
            ("region_code", pa.string()),
            ("region_name", pa.string()),
            ("value", pa.float64()),
            ("status", pa.string()),
            ("release", pa.string()),
            ("release_year", pa.int32()),
        ]
    )
    neighbours = pa.schema(
        [
            ("old_la_code", pa.string()),
            ("rank", pa.int32()),
            ("neighbour_old_la_code", pa.string()),
            ("release", pa.string()),
        ]
    )
    return published, neighbours


def read_tables(directory: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(published rows, neighbour rows) from a store directory."""
    import duckdb  # already loaded by the engine; pyarrow.parquet would pull in pandas

    def rows(con: duckdb.DuckDBPyConnection, name: str) -> list[dict[str, Any]]:
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(directory / name)])
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    with duckdb.connect() as con:
        return rows(con, PUBLISHED), rows(con, NEIGHBOURS)


def write_tables(
    directory: Path, published: list[dict[str, Any]], neighbours: list[dict[str, Any]]
) -> None:
    """Write both tables, sorted so a rebuilt shipped table diffs only where values changed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    published_schema, neighbour_schema = _schemas()
    directory.mkdir(parents=True, exist_ok=True)
    published = sorted(
        published,
        key=lambda r: (
            r["indicator_id"],
            r["year"],
            r["level"],
            r["area_code"] or "",
            r["old_la_code"] or "",
        ),
    )
    neighbours = sorted(neighbours, key=lambda r: (r["old_la_code"], r["rank"]))
    for name, rows, schema in (
        (PUBLISHED, published, published_schema),
        (NEIGHBOURS, neighbours, neighbour_schema),
    ):
        tmp = directory / f".{name}.tmp"
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp, compression="zstd")
        os.replace(tmp, directory / name)


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["indicator_id"], row["year"], row["level"], row["area_code"], row["old_la_code"])


def merge(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per figure: the newer release wins (DfE revises history); on a tie, `new`."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in [*old, *new]:
        key = _key(row)
        if key not in merged or row["release_year"] >= merged[key]["release_year"]:
            merged[key] = row
    return list(merged.values())


def _name_year(release: str) -> int:
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", release)]
    return max(years, default=0)


def latest_neighbours(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Only the groupings from the newest groupings file (by the year in its name)."""
    if not rows:
        return []
    newest = max({r["release"] for r in rows}, key=lambda name: (_name_year(name), name))
    return [r for r in rows if r["release"] == newest]


def read_checked(directory: Path) -> ReadResult:
    """read_dir, raising BenchmarkLoadError if any file could not be read."""
    result = read_dir(directory)
    if not result.report.ok:
        raise BenchmarkLoadError(result)
    return result


def load(directory: Path) -> ReadResult:
    """Read DfE files from `directory` on top of the table in use, and switch to the result.

    Figures from these files replace the same figures from an older release; indicators the
    directory does not cover keep their current values; a groupings file replaces the
    statistical neighbours. Raises BenchmarkLoadError, changing nothing, on a bad file.
    """
    result = read_checked(directory)
    old_published, old_neighbours = read_tables(current_dir())
    published = merge(old_published, result.rows)
    neighbours = latest_neighbours(result.neighbours) or old_neighbours

    load_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = root() / load_id
    staging = root() / f".{load_id}.tmp"
    write_tables(staging, published, neighbours)
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "source_dir": str(directory.resolve()),
        "files": [vars(f) for f in result.files],
        "report": result.report.to_dict(),
    }
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    os.replace(staging, target)

    previous = current_dir()
    tmp_pointer = root() / ".CURRENT.tmp"
    tmp_pointer.write_text(load_id, encoding="utf-8")
    os.replace(tmp_pointer, _pointer())
    if previous != SHIPPED and previous != target:
        shutil.rmtree(previous, ignore_errors=True)
    return result


def build_shipped(directory: Path, dest: Path = SHIPPED) -> ReadResult:
    """Rebuild the table shipped in the package from DfE's files in `directory` (no merging)."""
    result = read_checked(directory)
    write_tables(dest, result.rows, latest_neighbours(result.neighbours))
    return result
