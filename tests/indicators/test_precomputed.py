"""The common views that depend on the snapshot alone, made as tables in it at the load
(`indicators.precomputed`), are read by the engine, give the figures computed inline, and a
table made from another version of a view's SQL is never read."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from csc_insight.indicators import compute, precomputed
from csc_insight.indicators.engine import DuckDBBackend, _distinct, get_definition
from csc_insight.indicators.periods import parse_period


@pytest.fixture
def writable(snapshot_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(snapshot_path, copy)
    return copy


def _figures(path: Path, ids: list[str], period: str = "2019-20-Q3") -> dict[str, object]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {r.id: r.to_dict() for r in compute(con, period, ids=ids)}
    finally:
        con.close()


def test_only_views_of_the_snapshot_alone_are_made():
    chosen = precomputed.views()
    # windows over every contact, visit and episode, read by no period
    for name in ("contact_links", "cp_visit_intervals", "cla_visit_intervals", "cla_care_starts"):
        assert chosen[name].startswith(f"csc_pre_{name}_")
    # periods (cla_at_end, cin_at_end), the registers' file (missing_episodes_merged) and a
    # setting (cla_review_clock binds :inclusive) make a view's rows depend on more
    for name in ("cla_at_end", "cin_at_end", "missing_episodes_merged", "cla_review_clock"):
        assert name not in chosen
    # a view that only picks columns of one table is read inline as cheaply as a copy
    assert "child_facts" not in chosen
    assert precomputed._picks_only("SELECT child_id, CAST(uasc AS INTEGER) AS uasc FROM children")
    assert not precomputed._picks_only("SELECT DISTINCT child_id FROM children")
    assert not precomputed._picks_only("SELECT * FROM (SELECT child_id FROM children) c")
    # the views a view reads come before it
    order = list(chosen)
    assert order.index("cla_placement_starts") < order.index("cla_visit_intervals")


def test_the_engine_reads_the_tables_and_gets_the_same_figures(writable: Path):
    ids = ["contact_conversion_pct", "cp_visits_in_time_pct", "cla_visits_in_time_pct"]
    inline = _figures(writable, ids)
    con = duckdb.connect(str(writable))
    written = precomputed.make(con)
    con.close()
    # K1 (C1, 4 October 2019) led to R1 three days later; the fixture's nine contacts each
    # have a row
    assert written["contact_links"] == 9
    assert _figures(writable, ids) == inline
    assert inline["contact_conversion_pct"]["numerator"] == 2  # K1 -> R1, K2 -> R2

    # proof that the table is what is read: emptied, no contact is linked any more
    table = precomputed.views()["contact_links"]
    con = duckdb.connect(str(writable))
    con.execute(f"UPDATE {table} SET converted = FALSE")
    con.close()
    assert (
        _figures(writable, ["contact_conversion_pct"])["contact_conversion_pct"]["numerator"] == 0
    )


def test_a_table_of_another_version_of_the_view_is_not_read(writable: Path):
    before = _figures(writable, ["contact_conversion_pct"])
    con = duckdb.connect(str(writable))
    # as a snapshot loaded before the view's SQL changed would hold it: no row converted
    con.execute(
        "CREATE TABLE csc_pre_contact_links_0123456789 AS "
        "SELECT child_id, contact_id, contact_date, FALSE AS converted, "
        "NULL AS referral_id, NULL AS referral_date FROM contacts"
    )
    assert precomputed.held(con) == {}
    con.close()
    assert _figures(writable, ["contact_conversion_pct"]) == before


def test_a_stock_is_run_once_for_two_periods_with_the_same_end(snapshot):
    # last year's outturn (2018-19) and the previous quarter 2018-19-Q4 both end on
    # 31 March 2019: children looked after then are the same children
    periods = [parse_period(p) for p in ("2019-20-Q3", "2018-19-Q4", "2018-19")]
    asked, same_as = _distinct(get_definition("cla_open"), periods)
    assert [p.label for p in asked] == ["2019-20-Q3", "2018-19-Q4"]
    assert same_as == {"2018-19-Q4": ["2018-19"]}
    # a flow reads the period's start: each period is its own
    asked, same_as = _distinct(get_definition("contacts"), periods)
    assert [p.label for p in asked] == ["2019-20-Q3", "2018-19-Q4", "2018-19"]
    assert same_as == {}
    # and both periods get the one figure
    [result] = compute(DuckDBBackend(snapshot), "2019-20-Q3", ids=["cla_open"])
    q4 = next(p for p in result.previous_quarters if p.period == "2018-19-Q4")
    assert result.last_year_outturn.value == q4.value
    assert q4.value is not None
