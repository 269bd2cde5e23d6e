"""The whole catalogue for every council in the pool, on DuckDB or Spark, from the same SQL
definition files.

For each council (the council key) its current load's Parquet files are registered under the
canonical table names (DuckDB views over read_parquet; Spark temporary views) and the
engine's `compute` runs on them unchanged, so a council's figures in the pool are the figures
its own install would give from the same (pseudonymised) rows. Spark reads the Parquet where
it lies: a local folder, or an object-storage path (s3a://...) on a cluster (`--master`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from csc_insight.indicators import Result, compute
from csc_insight.indicators.engine import DuckDBBackend
from csc_insight.indicators.periods import Period
from csc_insight.pool import store
from csc_insight.store.schema import tables

ENGINES = ("duckdb", "spark")


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _duckdb_results(
    pool: str, councils: dict[str, dict[str, Any]], run: Any
) -> dict[str, list[Result]]:
    import duckdb

    found = {}
    with duckdb.connect() as con:
        for code, entry in sorted(councils.items()):
            for table in tables():
                path = store.part_path(pool, table, code, entry["load"])
                con.execute(
                    f"CREATE OR REPLACE VIEW {table} AS "
                    f"SELECT * FROM read_parquet({_sql_text(path)})"
                )
            found[code] = run(DuckDBBackend(con))
    return found


def _spark_results(
    pool: str, councils: dict[str, dict[str, Any]], run: Any, spark: Any
) -> dict[str, list[Result]]:
    from csc_insight.indicators.spark import SparkBackend

    found = {}
    for code, entry in sorted(councils.items()):
        for table in tables():
            path = store.part_path(pool, table, code, entry["load"])
            spark.read.parquet(path).createOrReplaceTempView(table)
        found[code] = run(SparkBackend(spark, entry["load"]))
    return found


def manifest_for(pool: str | Path, spark: Any = None) -> dict[str, Any]:
    """The pool's manifest: read locally, or through Spark for an object-storage path."""
    if not store.is_remote(pool):
        return store.read_manifest(pool)
    lines = spark.read.text(f"{str(pool).rstrip('/')}/{store.MANIFEST}", wholetext=True)
    return json.loads("".join(row.value for row in lines.collect()))


def council_results(
    pool: str | Path,
    period: Period | str,
    engine: str = "duckdb",
    *,
    master: str | None = None,
    spark: Any = None,
    ids: Sequence[str] | None = None,
    settings: dict[str, Any] | None = None,
) -> dict[str, list[Result]]:
    """Council code -> one Result per indicator for `period` (no comparisons: the region is
    the comparison). `spark`: a session to use (else one on `master`, default local[2])."""
    if engine not in ENGINES:
        raise ValueError(f"--engine must be one of {', '.join(ENGINES)}")

    def run(backend: Any) -> list[Result]:
        return compute(backend, period, ids=ids, comparisons=False, settings=settings)

    if engine == "duckdb":
        if store.is_remote(pool):
            raise ValueError("a pool on object storage is read with --engine spark")
        councils = store.read_manifest(pool)["councils"]
        return _duckdb_results(str(pool), councils, run)
    if spark is None:
        from csc_insight.indicators.spark import session

        spark = session(master or "local[2]", app_name="csc-insight-pool")
    councils = manifest_for(pool, spark)["councils"]
    return _spark_results(str(pool), councils, run, spark)
