"""Run the catalogue on Apache Spark: the same SQL, transpiled by sqlglot from DuckDB's
dialect to Spark SQL.

    from csc_insight.indicators import compute
    from csc_insight.indicators.spark import SparkBackend, export_parquet, session

    # small data, or a test: copy a snapshot's tables into a local Spark session
    backend = SparkBackend.from_duckdb(snapshots.connect())
    # a real cluster: export the snapshot's tables to Parquet somewhere the cluster reads
    export_parquet(snapshots.connect(), "/shared/csc/20200210T093000Z")
    spark = session(master="spark://head:7077")   # or yarn, k8s://...; spark.master setting
    backend = SparkBackend.from_parquet("/shared/csc/20200210T093000Z", spark)
    results = compute(backend, "2019-20-Q3")

`csc-insight indicators --engine spark` uses `from_duckdb` on a local[2] session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from csc_insight.store import snapshots
from csc_insight.store.schema import tables

_SPARK_TYPES = {
    "VARCHAR": "STRING",
    "DATE": "DATE",
    "BOOLEAN": "BOOLEAN",
    "INTEGER": "INT",
    "BIGINT": "BIGINT",
    "DOUBLE": "DOUBLE",
}


def transpile(sql: str) -> str:
    """DuckDB SQL as Spark SQL."""
    import sqlglot

    return sqlglot.transpile(sql, read="duckdb", write="spark", pretty=True)[0]


def session(master: str = "local[2]", app_name: str = "csc-insight") -> Any:
    """A SparkSession (getOrCreate: one per process)."""
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )


def export_parquet(con: Any, folder: str | Path) -> None:
    """Write every canonical table of a DuckDB snapshot to folder/<table>.parquet."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    for table in tables():
        con.execute(f"COPY {table} TO '{Path(folder) / table}.parquet' (FORMAT PARQUET)")


class SparkBackend:
    """The engine's Backend on a SparkSession whose views are the canonical tables."""

    def __init__(self, spark: Any, snapshot: str | None = None) -> None:
        self.spark = spark
        self._snapshot = snapshot

    @classmethod
    def from_duckdb(cls, con: Any, spark: Any = None) -> SparkBackend:
        """Copy each canonical table of a DuckDB snapshot into a temporary view."""
        spark = spark or session()
        for table in tables():
            described = con.execute(f"DESCRIBE {table}").fetchall()
            ddl = ", ".join(f"{name} {_SPARK_TYPES[kind]}" for name, kind, *_ in described)
            rows = con.execute(f"SELECT * FROM {table}").fetchall()
            spark.createDataFrame(rows, schema=ddl).createOrReplaceTempView(table)
        return cls(spark, snapshots.recorded_id(con))

    @classmethod
    def from_parquet(
        cls, folder: str | Path, spark: Any = None, snapshot: str | None = None
    ) -> SparkBackend:
        """Views over folder/<table>.parquet, as written by `export_parquet`."""
        spark = spark or session()
        for table in tables():
            spark.read.parquet(f"{folder}/{table}.parquet").createOrReplaceTempView(table)
        return cls(spark, snapshot)

    def rows(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        frame = self.spark.sql(transpile(sql))
        return frame.columns, [tuple(row) for row in frame.collect()]

    def snapshot_id(self) -> str | None:
        return self._snapshot
