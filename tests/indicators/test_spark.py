"""The catalogue on Spark gives exactly what it gives on DuckDB; the transpiled SQL of two
definitions is pinned in golden files (tests/indicators/snapshots/)."""

from pathlib import Path

import duckdb
import pytest

from csc_insight.indicators import catalogue, compute, get
from csc_insight.indicators.engine import aggregate_sql
from csc_insight.indicators.periods import parse_period
from csc_insight.indicators.spark import transpile

GOLDEN = Path(__file__).parent / "snapshots"
SETTINGS = {"working_days": "day0", "assessment_clock": "referral"}


@pytest.mark.parametrize("indicator", ["assessments_45wd_pct", "cla_3plus_placements_pct"])
def test_transpiled_sql_matches_golden_file(indicator):
    sql = aggregate_sql(get(indicator), [parse_period("2019-20-Q3")], settings=SETTINGS)
    expected = (GOLDEN / f"{indicator}.spark.sql").read_text(encoding="utf-8")
    assert transpile(sql) + "\n" == expected


@pytest.fixture(scope="module")
def spark_backend(snapshot_path):
    pytest.importorskip("pyspark")
    from csc_insight.indicators.spark import SparkBackend, session

    spark = session()
    with duckdb.connect(str(snapshot_path), read_only=True) as con:
        backend = SparkBackend.from_duckdb(con, spark)
    yield backend
    spark.stop()


def _comparable(results):
    return {
        (r.id, r.key): {k: v for k, v in r.to_dict().items() if k != "comparators"} for r in results
    }


@pytest.mark.spark
@pytest.mark.slow
def test_spark_matches_duckdb_for_every_indicator(snapshot, spark_backend):
    on_duckdb = _comparable(compute(snapshot, "2019-20-Q3", settings=SETTINGS))
    on_spark = _comparable(compute(spark_backend, "2019-20-Q3", settings=SETTINGS))
    # Spark leaves the register indicators out (the registers are read on DuckDB only)
    on_duckdb = {k: v for k, v in on_duckdb.items() if not get(k[0]).register_tables}
    assert len(on_spark) == len([d for d in catalogue() if not d.register_tables])
    assert on_spark == on_duckdb


@pytest.mark.spark
@pytest.mark.slow
def test_spark_breakdown_and_children(snapshot, spark_backend):
    from csc_insight.indicators import children

    ids = ["referrals", "cla_open", "caseload_per_worker"]
    assert _comparable(compute(spark_backend, "2019-20-Q3", ids=ids, by="team")) == _comparable(
        compute(snapshot, "2019-20-Q3", ids=ids, by="team")
    )
    assert children(spark_backend, "assessments_45wd_pct", "2019-20-Q3") == children(
        snapshot, "assessments_45wd_pct", "2019-20-Q3"
    )
