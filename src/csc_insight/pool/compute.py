"""The whole catalogue for every council in the pool, on DuckDB or Spark, from the same SQL
definition files, in one pass per indicator.

One pass (the default): each canonical table is registered once over every council's
current load, with the council's code in a column `la` (DuckDB: a view over read_parquet
of the manifest's files, `la` from the `la=<code>` folder; Spark: one DataFrame over the
same files, `la` a string partition column), and `pool_councils` lists the councils. The
engine's `compute` then runs once per council on a `CouncilView`, whose `rows(sql)` runs
`keyed.keyed(sql)` (the same query with `la` carried through every join and grouping, see
keyed.py) the first time any council asks for that query, over every council at once, and
hands each council its own rows. So each definition's SQL runs once for the whole region,
and everything the engine does with the rows (coverage, no-data reasons, rates, rounding)
is the code a council's own install runs: a council's figures in the pool are the figures
its install would give from the same (pseudonymised) rows.

Council by council (`one_pass=False`, `pool indicators --per-council`): the earlier way,
kept to check the one pass against: each council's files are registered in turn under the
table names and `compute` runs on them alone.

Spark reads the Parquet where it lies: a local folder, or an object-storage path
(s3a://...) on a cluster (`--master`).
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
from csc_insight.pool.keyed import COUNCILS, KEY, keyed
from csc_insight.store.schema import tables

ENGINES = ("duckdb", "spark")


class _OnePass:
    """Each query run once over every council (keyed), each council's rows kept apart."""

    def __init__(self, backend: Any, codes: Sequence[str]) -> None:
        self.backend = backend
        self.codes = list(codes)
        self._done: dict[str, tuple[list[str], dict[str, list[tuple[Any, ...]]]]] = {}

    def rows(self, sql: str, code: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        if sql not in self._done:
            columns, rows = self.backend.rows(keyed(sql))
            at = len(columns) - 1 - columns[::-1].index(KEY)
            split: dict[str, list[tuple[Any, ...]]] = {c: [] for c in self.codes}
            for row in rows:
                split[row[at]].append(row[:at] + row[at + 1 :])
            self._done[sql] = (columns[:at] + columns[at + 1 :], split)
        columns, split = self._done[sql]
        return list(columns), split[code]


class CouncilView:
    """One council's part of a one-pass run: an engine Backend (rows, snapshot_id)."""

    def __init__(self, run: _OnePass, code: str, load: str) -> None:
        self.run, self.code, self.load = run, code, load

    def rows(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        return self.run.rows(sql, self.code)

    def snapshot_id(self) -> str | None:
        return self.load


def _one_pass(
    backend: Any, councils: dict[str, dict[str, Any]], run: Any
) -> dict[str, list[Result]]:
    shared = _OnePass(backend, sorted(councils))
    return {
        code: run(CouncilView(shared, code, entry["load"]))
        for code, entry in sorted(councils.items())
    }


def _sql_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(_sql_text(i) for i in items) + "]"


def _duckdb_pooled(pool: str, councils: dict[str, dict[str, Any]], run: Any) -> Any:
    import duckdb

    codes = sorted(councils)
    with duckdb.connect() as con:
        for table in tables():
            paths = [store.part_path(pool, table, c, councils[c]["load"]) for c in codes]
            con.execute(
                f"CREATE VIEW {table} AS SELECT * EXCLUDE (load) FROM read_parquet("
                f"{_sql_list(paths)}, hive_partitioning = true, "
                f"hive_types = {{'{KEY}': VARCHAR, 'load': VARCHAR}})"
            )
        values = ", ".join(f"({_sql_text(c)})" for c in codes)
        con.execute(f"CREATE VIEW {COUNCILS} AS SELECT * FROM (VALUES {values}) AS v({KEY})")
        return _one_pass(DuckDBBackend(con), councils, run)


def _spark_pooled(pool: str, councils: dict[str, dict[str, Any]], run: Any, spark: Any) -> Any:
    from pyspark.sql.types import StringType, StructField, StructType

    from csc_insight.indicators.spark import SparkBackend

    codes = sorted(councils)
    for table in tables():
        paths = [store.part_path(pool, table, c, councils[c]["load"]) for c in codes]
        own = spark.read.parquet(paths[0]).schema
        # la and load as strings, whatever they look like (a council code 201 stays '201')
        schema = StructType(
            [*own.fields, StructField(KEY, StringType()), StructField("load", StringType())]
        )
        frame = spark.read.schema(schema).option("basePath", f"{pool.rstrip('/')}/{table}")
        frame.parquet(*paths).drop("load").createOrReplaceTempView(table)
    spark.createDataFrame([(c,) for c in codes], f"{KEY} STRING").createOrReplaceTempView(COUNCILS)
    return _one_pass(SparkBackend(spark), councils, run)


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
    one_pass: bool = True,
) -> dict[str, list[Result]]:
    """Council code -> one Result per indicator for `period` (no comparisons: the region is
    the comparison). `spark`: a session to use (else one on `master`, default local[2]).
    `one_pass=False`: council by council (the module docstring says why it is kept)."""
    if engine not in ENGINES:
        raise ValueError(f"--engine must be one of {', '.join(ENGINES)}")

    def run(backend: Any) -> list[Result]:
        return compute(backend, period, ids=ids, comparisons=False, settings=settings)

    if engine == "duckdb":
        if store.is_remote(pool):
            raise ValueError("a pool on object storage is read with --engine spark")
        councils = store.read_manifest(pool)["councils"]
        if not councils:
            return {}
        if one_pass:
            return _duckdb_pooled(str(pool), councils, run)
        return _duckdb_results(str(pool), councils, run)
    if spark is None:
        from csc_insight.indicators.spark import session

        spark = session(master or "local[2]", app_name="csc-insight-pool")
    councils = manifest_for(pool, spark)["councils"]
    if not councils:
        return {}
    if one_pass:
        return _spark_pooled(str(pool), councils, run, spark)
    return _spark_results(str(pool), councils, run, spark)
