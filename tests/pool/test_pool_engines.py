"""`pool indicators`: DuckDB and Spark (local mode) give identical results for every council
and indicator, from the same SQL files, in one pass (and the same as council by council);
the command writes the regional table."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from csc_insight.cli import main
from csc_insight.indicators import catalogue
from csc_insight.pool import council_results

PERIOD = "2019-20-Q3"
# the pool leaves out the register indicators: a council's registers are its own
POOLED = [d for d in catalogue() if not d.register_tables]


def _comparable(results):
    return {code: {r.id: r.to_dict() for r in rs} for code, rs in results.items()}


@pytest.mark.slow
def test_pool_indicators_command_writes_the_regional_csv(pool: Path, tmp_path: Path) -> None:
    out = tmp_path / "region_quarterly_2019-20-Q3.csv"
    assert main(["pool", "indicators", "--period", PERIOD, "--pool", str(pool),
                 "--format", "csv", "--out", str(out)]) == 0  # fmt: skip
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 2 * len(POOLED)
    referrals = [r for r in rows if r["indicator_id"] == "referrals"]
    assert {r["la_code"] for r in referrals} == {"E09000001", "E09000007"}
    assert sorted(r["rank"] for r in referrals) == ["1", "2"]
    # City of London's neighbours include Camden: its neighbour median is Camden's value
    city = next(r for r in referrals if r["la_code"] == "E09000001")
    camden = next(r for r in referrals if r["la_code"] == "E09000007")
    assert float(city["neighbours_median"]) == float(camden["value"])


@pytest.mark.slow
def test_one_pass_matches_council_by_council_on_synthetic_councils(pool: Path) -> None:
    one_pass = _comparable(council_results(pool, PERIOD, "duckdb"))
    per_council = _comparable(council_results(pool, PERIOD, "duckdb", one_pass=False))
    assert sorted(one_pass) == ["E09000001", "E09000007"]
    for code in per_council:
        assert sum(r["status"] == "ok" for r in one_pass[code].values()) > 40
        assert one_pass[code] == per_council[code], code


@pytest.mark.spark
@pytest.mark.slow
def test_spark_matches_duckdb_for_every_council_and_indicator(pool: Path, toy_pool: Path) -> None:
    """Both in one pass, on the two synthetic councils and the hand-built toy pool (whose
    council 303 must stay a string and whose councils share raw ids)."""
    pytest.importorskip("pyspark")
    from csc_insight.indicators.spark import session

    spark = session()
    try:
        for where, codes in ((pool, ["E09000001", "E09000007"]), (toy_pool, ["303", "A1", "B2"])):
            on_duckdb = _comparable(council_results(where, PERIOD, "duckdb"))
            on_spark = _comparable(council_results(where, PERIOD, "spark", spark=spark))
            assert sorted(on_spark) == codes
            for code in on_duckdb:
                assert len(on_spark[code]) == len(POOLED)
                assert on_spark[code] == on_duckdb[code], code
    finally:
        spark.stop()
