"""Comparators from the table shipped in the package, checked against DfE's published figures.

Expected values are copied by hand from the DfE files (/work/shared/benchmarks/dfe/) and the
published values table in INDICATORS.md. DfE's time_period 2019 is the year to 31 March 2019,
i.e. financial year '2018-19'.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from csc_insight.benchmarks import Comparator, comparators, latest_year
from csc_insight.benchmarks.sources import INDICATOR_IDS

C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
D3 = "d3_cpps_subsequent_plan_2013_to_2025.csv"


@pytest.fixture(autouse=True)
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path / "home"))


def test_rereferrals_match_indicators_md() -> None:
    found = comparators("rereferrals_12m_pct", "2018-19", "E09000001")
    assert found["england"] == Comparator("England", 22.6, None, "2018-19", C1)
    assert found["london"] == Comparator("London", 18.5, None, "2018-19", C1)
    assert found["la"] == Comparator("City of London", 8.6, None, "2018-19", C1)
    later = comparators("rereferrals_12m_pct", "2019-20", "E09000001")
    assert [later[k].value for k in ("england", "london", "la")] == [22.6, 18.8, 15.0]


def test_second_cp_plans_suppressed_for_city_of_london() -> None:
    found = comparators("cp_subsequent_pct", "2018-19", "E09000001")
    assert (found["england"].value, found["london"].value) == (20.8, 17.5)
    assert found["la"] == Comparator("City of London", None, "c", "2018-19", D3)
    later = comparators("cp_subsequent_pct", "2019-20", "E09000001")
    assert (later["england"].value, later["london"].value) == (21.9, 18.0)
    assert (later["la"].value, later["la"].status) == (None, "c")


def test_old_code_and_year_spellings_give_the_same_answer() -> None:
    assert comparators("rereferrals_12m_pct", "2019/20", "201") == comparators(
        "rereferrals_12m_pct", "2019-20", "E09000001"
    )


def test_default_la_is_the_install_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_LA_CODE", "E09000007")  # Camden
    assert comparators("rereferrals_12m_pct", "2018-19")["la"].area == "Camden"
    assert comparators("rereferrals_12m_pct", "2018-19")["la"].value == 9.5


def test_cla_rate_and_later_measures() -> None:
    # The CLA, stability and care-leaver files in this release start at 2020-21, so the
    # 2018-19 / 2019-20 values in INDICATORS.md (England 65 / 67, City 299 / 343) are not there.
    assert comparators("cla_rate_10k", "2019-20", "E09000001") == {}
    cla = comparators("cla_rate_10k", "2020-21", "E09000001")
    assert (cla["england"].value, cla["london"].value, cla["la"].value) == (69.0, 50.0, 306.0)
    assert comparators("cla_rate_10k", "2024-25", "E09000001")["la"].status == "c"
    eet = comparators("care_leavers_eet_pct", "2024-25", "E09000001")
    assert (eet["england"].value, eet["la"].value) == (54.0, 72.0)
    accom = comparators("care_leavers_suitable_accom_pct", "2024-25", "E09000001")
    assert (accom["england"].value, accom["la"].value) == (89.0, 96.0)
    moves = comparators("cla_3plus_placements_pct", "2024-25", "E09000001")
    assert (moves["england"].value, moves["la"].value, moves["la"].status) == (10.0, 0.0, None)
    stable = comparators("cla_long_term_stability_pct", "2024-25", "E09000001")
    assert (stable["england"].value, stable["la"].value, stable["la"].status) == (69.0, None, "z")


def test_neighbours_median_of_the_2025_groupings() -> None:
    # City of London's neighbours in sn_model_2025_wide.csv: 202 205 207 210 208 206 212 213
    # 209 846; their 2019 re-referral % in c1: 9.5 6.9 24.7 15.2 18.5 17.1 21.2 16.7 14.5
    # 24.5 -> sorted middle pair 16.7, 17.1 -> median 16.9.
    found = comparators("rereferrals_12m_pct", "2018-19", "201")["neighbours"]
    assert found.area == "Statistical neighbours (median of 10)"
    assert found.value == 16.9
    assert found.status is None


def test_neighbours_median_leaves_suppressed_out() -> None:
    # 2020 d3 second-plan %: 25.6 27.9 c 19.4 16.1 18.3 20.4 c 24.2 26.8 -> 8 numbers,
    # middle pair 20.4, 24.2 -> 22.3.
    found = comparators("cp_subsequent_pct", "2019-20", "E09000001")["neighbours"]
    assert found.area == "Statistical neighbours (median of 8)"
    assert found.value == 22.3


def test_region_outside_london() -> None:
    # Birmingham (E08000025) is in the West Midlands; its region comes back under 'london'.
    found = comparators("rereferrals_12m_pct", "2018-19", "E08000025")
    assert found["london"].area == "West Midlands"


def test_unknown_indicator_year_or_la() -> None:
    assert comparators("no_such_indicator", "2019-20") == {}
    assert comparators("rereferrals_12m_pct", "1999-00") == {}
    assert comparators("rereferrals_12m_pct", "not a year") == {}
    assert set(comparators("rereferrals_12m_pct", "2019-20", "E99999999")) == {"england"}


def test_latest_year_and_workforce_year() -> None:
    assert latest_year("rereferrals_12m_pct") == "2024-25"
    # The workforce census is at 30 September: time_period 2025 falls in 2025-26.
    assert latest_year("caseload_per_worker") == "2025-26"
    assert latest_year("no_such_indicator") is None


def test_readme_documents_every_indicator() -> None:
    readme = (
        Path(__file__).parents[2] / "src" / "csc_insight" / "benchmarks" / "README.md"
    ).read_text(encoding="utf-8")
    missing = [i for i in INDICATOR_IDS if f"`{i}`" not in readme]
    assert missing == []
