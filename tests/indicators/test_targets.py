"""Every England figure in targets.yaml comes from a shipped DfE file, and a comparator from
another year than the period's is the nearest year's, carrying its year.

Expected values read by hand from the shipped files (../shared/benchmarks/dfe, National rows):
    c1 referrals and re-referrals, 2019-20: re-referrals within 12 months 22.6%
    d3 subsequent child protection plans, 2019-20: 21.9%
    la_cla_placement_stability (starts 2020-21): 3 or more placements 9%, long-term 70%
    la_care_leavers_activity (starts 2020-21), 19-21: in education, employment or training
        52% in 2020-21 ... 54% in 2024-25
    la_care_leavers_accommodation_suitability (starts 2020-21), 19-21: suitable 88%
"""

from __future__ import annotations

import duckdb
import pytest

from csc_insight.benchmarks import comparators, nearest_year
from csc_insight.benchmarks.store import SHIPPED, read_tables
from csc_insight.indicators import compute
from csc_insight.indicators.settings import load_targets


def _england() -> dict[tuple[str, str], dict]:
    rows, _ = read_tables(SHIPPED)
    return {(r["indicator_id"], r["year"]): r for r in rows if r["level"] == "National"}


def test_every_england_target_cites_its_shipped_file() -> None:
    england = _england()
    cited = 0
    for indicator, target in load_targets().items():
        if "england" not in target["basis"].lower():
            assert "england" not in target, indicator
            continue
        source = target["england"]  # a basis naming England must cite the file
        row = england[(indicator, source["year"])]
        assert row["release"] == source["file"], indicator
        assert row["value"] == source["value"] == float(target["target"]), indicator
        assert source["year"] in target["basis"], indicator
        cited += 1
    assert cited == 6


@pytest.mark.parametrize(
    ("year", "nearest"),
    [
        ("2020-21", "2020-21"),  # published
        ("2019-20", "2020-21"),  # before the file starts
        ("2017-18", "2020-21"),
        ("2030-31", "2024-25"),  # after the latest release
    ],
)
def test_nearest_published_year(year: str, nearest: str) -> None:
    assert nearest_year("care_leavers_eet_pct", year) == nearest


def test_nearest_year_for_an_indicator_dfe_does_not_publish() -> None:
    assert nearest_year("assessments_child_seen_pct", "2019-20") is None


def test_the_engine_labels_another_years_comparator_with_its_year(
    snapshot: duckdb.DuckDBPyConnection,
) -> None:
    results = {
        r.id: r
        for r in compute(
            snapshot, "2019-20-Q3", ids=["care_leavers_eet_pct", "rereferrals_12m_pct"]
        )
    }
    leavers = results["care_leavers_eet_pct"].comparators["england"]
    assert (leavers["value"], leavers["year"]) == (52.0, "2020-21")
    assert leavers["release"] == "la_care_leavers_activity.csv"
    rereferrals = results["rereferrals_12m_pct"].comparators["england"]
    assert (rereferrals["value"], rereferrals["year"]) == (22.6, "2019-20")
    assert comparators("care_leavers_eet_pct", "2019-20") == {}  # the file has no 2019-20
