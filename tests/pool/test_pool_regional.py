"""The regional table on a 3-council toy pool, every figure worked out by hand; disclosure
before anything leaves the pool; the CSV read back by `benchmarks load` as "Region,
quarterly"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from csc_insight.indicators import Result
from csc_insight.pool import regional_table
from csc_insight.pool.output import write_csv
from csc_insight.pool.regional import quartile, ranks


def result(ident: str, value: float | None, numerator=None, denominator=None, **kw) -> Result:
    unit = kw.pop("unit", "percent")
    return Result(
        id=ident,
        title=ident.title(),
        area="Test",
        unit=unit,
        polarity=kw.pop("polarity", "higher"),
        period_type="flow",
        period="2019-20-Q3",
        snapshot="s",
        status="ok",
        value=value,
        numerator=numerator,
        denominator=denominator,
        **kw,
    )


# Three councils (A, B, C); B's neighbours are A and C, A's are B only, C's are unknown.
NEIGHBOURS = {"A": ["B"], "B": ["A", "C"]}
TOY = {
    # a 'higher is better' percentage: A 50% (10/20), B 75% (30/40), C 25% (10/40)
    "A": [result("pct", 50.0, 10, 20), result("late", 10.0, 10, 100, polarity="lower")],
    "B": [result("pct", 75.0, 30, 40), result("late", 20.0, 20, 100, polarity="lower")],
    "C": [result("pct", 25.0, 10, 40), result("late", 20.0, 20, 100, polarity="lower")],
}


def rows_by(rows):
    return {(r.indicator_id, r.la_code): r for r in rows}


def test_ranks_quartiles_means_and_medians_by_hand() -> None:
    rows = rows_by(regional_table(TOY, neighbours=NEIGHBOURS.get))
    a, b, c = (rows[("pct", x)] for x in "ABC")
    # higher is better: B 75 first, A 50 second, C 25 third
    assert (b.rank, a.rank, c.rank) == (1, 2, 3)
    # quartile floor(4 (rank - 1) / 3) + 1: 1, 2, 3
    assert (b.quartile, a.quartile, c.quartile) == (1, 2, 3)
    assert a.regional_mean == 50.0 and a.regional_median == 50.0 and a.councils_ranked == 3
    assert a.neighbours_median == 75.0  # B alone
    assert b.neighbours_median == 37.5  # median of A 50 and C 25
    assert c.neighbours_median == "not available"
    # lower is better, with a tie: A 10 first, B and C 20 share second
    late = [rows[("late", x)] for x in "ABC"]
    assert [r.rank for r in late] == [1, 2, 2]
    assert [r.quartile for r in late] == [1, 2, 2]
    assert late[0].regional_mean == pytest.approx(16.666667)
    assert late[0].regional_median == 20.0


def test_rank_and_quartile_helpers() -> None:
    assert ranks({"x": 3.0, "y": 1.0, "z": 3.0, "w": 2.0}, "higher") == {
        "x": 1,
        "z": 1,
        "w": 3,
        "y": 4,
    }
    assert ranks({"x": 3.0, "y": 1.0}, "neutral") == {"x": 1, "y": 2}
    assert [quartile(r, 8) for r in range(1, 9)] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_small_counts_never_leave_the_pool() -> None:
    toy = {
        "A": [result("n", 3, 3, unit="count")],  # 3: suppressed
        "B": [result("n", 40, 40, unit="count")],
        "C": [result("n", 10, 10, unit="count")],
        "D": [result("n", None, unit="count", no_data="no records in the period")],
    }
    rows = rows_by(regional_table(toy, neighbours=lambda code: None))
    a = rows[("n", "A")]
    assert a.status == "c" and a.value is None and a.rank is None and a.quartile is None
    assert rows[("n", "D")].status == "no data: no records in the period"
    # the suppressed 3 takes no part: mean and median of 40 and 10 only
    assert rows[("n", "B")].rank == 1 and rows[("n", "C")].rank == 2
    assert rows[("n", "B")].regional_mean == 25.0 and rows[("n", "B")].councils_ranked == 2
    out = io.StringIO()
    write_csv(list(rows.values()), out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("indicator_id,title,unit,polarity,period,la_code,value,status")
    a_line = next(line for line in lines if ",A," in line)
    assert ",c,c," in a_line and ",3," not in a_line


def test_benchmarks_load_reads_the_table_as_region_quarterly(tmp_path: Path) -> None:
    from csc_insight.benchmarks import comparators, nearest_year, region_quarterly
    from csc_insight.benchmarks.store import load

    england_year = nearest_year("rereferrals_12m_pct", "2019-20")
    before = comparators("rereferrals_12m_pct", england_year, "E09000001")
    toy = {
        code: [result("rereferrals_12m_pct", v, n, 100, polarity="lower")]
        for code, v, n in (("A", 10.0, 10), ("B", 20.0, 20), ("C", 30.0, 30))
    }
    folder = tmp_path / "pooled"
    folder.mkdir()
    with (folder / "region_quarterly_2019-20-Q3.csv").open("w", encoding="utf-8") as out:
        write_csv(regional_table(toy, neighbours=lambda code: None), out)
    load(folder)
    found = region_quarterly("rereferrals_12m_pct", "2019-20")
    assert found is not None
    assert (found.area, found.value, found.year) == ("Region, quarterly", 20.0, "2019-20")
    assert "2019-20-Q3" in found.release and "median of 3" in found.release
    assert region_quarterly("rereferrals_12m_pct", "2018-19") is None
    # DfE's comparators and their nearest year are as they were
    assert nearest_year("rereferrals_12m_pct", "2019-20") == england_year
    assert comparators("rereferrals_12m_pct", england_year, "E09000001") == before
    # and the engine puts it beside England's for a period of that year
    from csc_insight.indicators.engine import _comparators

    shown = _comparators("rereferrals_12m_pct", "2019-20", "percent")
    assert shown["region_quarterly"]["value"] == 20.0
