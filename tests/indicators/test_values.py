"""Each indicator on the hand-built fixture (conftest.py), Q3 2019-20 (1 Oct - 31 Dec 2019).
Expected values were worked out by hand from the fixture rows."""

import shutil
from datetime import date

import duckdb
import pytest

from csc_insight.indicators import catalogue, children, compute

Q3 = {
    # id: (value, numerator, denominator)
    "contacts": (4, 4, None),
    "contacts_decided_1wd_pct": (50.0, 2, 4),  # K1, K2 in time; K3 2 wd; K4 none
    "referrals": (3, 3, None),
    "contact_conversion_pct": (50.0, 2, 4),  # K1 <- R1, K2 <- R2; R3 no contact
    "rereferrals_12m_pct": (100 / 3, 1, 3),  # R1 exactly 12 months after R0
    "referrals_nfa_pct": (100 / 3, 1, 3),
    "eh_referrals": (3, 3, None),  # EH4, EH5 (to social care), EH8
    "short_break_children": (3, 3, None),  # C40, C41, C42 once each
    "eh_assessments_started": (2, 2, None),
    "eh_assessments_completed": (2, 2, None),
    "eh_goal_progress": (2.5, 5, 2),  # (+4 +1) / 2
    "assessments_started": (2, 2, None),  # A1, A2
    "assessments_completed": (3, 3, None),
    # from the assessment start (the default clock): A1 53 wd late, A2 29 wd, A3 25 wd
    "assessments_45wd_pct": (200 / 3, 2, 3),
    "assessments_child_seen_pct": (50.0, 1, 2),  # A3 unrecorded: not counted
    "cin_open": (3, 3, None),  # C1, C2, C6 (R3 closed on 31 Dec)
    "cin_rate_10k": (3.0, 3, 10000),
    "s47_started": (4, 4, None),
    "icpc_held": (3, 3, None),
    "pre_proceedings_started": (3, 3, None),  # PP1-PP3; PP4 in Q2
    "pre_proceedings_fgdm_offered_pct": (50.0, 1, 2),  # PP1 yes, PP2 no, PP3 unrecorded
    "icpc_15wd_pct": (50.0, 1, 2),  # S1 15 wd, S2 16 wd, S3 excluded
    "cp_open": (3, 3, None),  # C1, C2, C10
    "cp_rate_10k": (3.0, 3, 10000),
    "cp_subsequent_pct": (200 / 3, 2, 3),  # P2 (earlier P0), P3 (previous 1)
    "cp_reviews_in_time_pct": (50.0, 1, 2),  # P1 third review late; P5 fine
    "cp_visits_in_time_pct": (50.0, 2, 4),
    "cla_open": (6, 6, None),
    "cla_rate_10k": (6.0, 6, 10000),
    "cla_started": (3, 3, None),  # C15, C16, C17 (re-entry)
    "cla_ceased": (1, 1, None),
    "cla_3plus_placements": (1, 1, None),
    "cla_3plus_placements_pct": (100 / 6, 1, 6),
    "cla_long_term_stability_pct": (50.0, 1, 2),  # C12 yes, C13 no, C14 is 16
    # reviews due in Q3: C1's third (due 1 Nov, held 30 Oct), C17's first in its new
    # period of care (due 12 Nov, held 12 Nov), C15's first (due 3 Dec, never held)
    "cla_reviews_in_time_pct": (200 / 3, 2, 3),
    "cla_visits_in_time_pct": (80.0, 4, 5),  # C1's 44-day gap late
    "cla_health_assessment_pct": (100 / 3, 1, 3),
    "cla_uasc": (1, 1, None),
    # every Q3 episode is of a looked-after child (C1, C12, C13): none on the local register
    "missing_children_at_end": (0, 0, None),
    "missing_episodes": (0, 0, None),
    "missing_children_with_episode": (0, 0, None),
    "cla_missing_children": (3, 3, None),  # C1, C12, C13 (M)
    "cla_away_children": (1, 1, None),  # C12 (A)
    "rhi_offered_pct": (200 / 3, 2, 3),
    "rhi_accepted": (1, 1, None),
    "rhi_72h_pct": (100 / 3, 1, 3),
    # C20 18 (2019-20 OC3), C21 21 (2018-19 OC3); C22's 2019 birthday (22) has no record;
    # C23's List 9 is as at the Annex A's date (7 May 2020), not Q3's
    "care_leavers": (2, 2, None),
    "care_leavers_eet_pct": (100.0, 1, 1),  # 19-21: C21 P2
    "care_leavers_17_18_eet_pct": (100.0, 1, 1),  # 17-18: C20 F1
    "care_leavers_suitable_accom_pct": (100.0, 1, 1),
    "care_leavers_17_18_suitable_accom_pct": (100.0, 1, 1),
    "care_leavers_in_touch_pct": (50.0, 1, 2),
    "care_leavers_pathway_plan_pct": (50.0, 1, 2),
    # social workers' cases: W1 C1, C2 (1.0 FTE), W2 C3, C6 (0.5 FTE); W4 is a personal
    # adviser, W3 holds none at 31 Dec: 4 / 1.5
    "caseload_per_worker": (4 / 1.5, 4, 1.5),
    "cin_duration_bands": (3, 3, None),
    "cp_duration_bands": (3, 3, None),
}


@pytest.fixture(scope="module")
def q3(snapshot_path, tmp_path_factory):
    # an install of its own (module fixtures run before conftest's per-test one): no
    # registers' file, local settings or targets from $CSC_INSIGHT_HOME
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CSC_INSIGHT_HOME", str(tmp_path_factory.mktemp("q3-home")))
        with duckdb.connect(str(snapshot_path), read_only=True) as con:
            return {r.id: r for r in compute(con, "2019-20-Q3")}


def test_every_indicator_in_the_catalogue_is_checked(q3):
    # the register indicators' values are checked in test_register_indicators.py (here no
    # register is kept, so each reads "no data (register not kept)")
    on_registers = {d.id for d in catalogue() if d.register_tables}
    assert set(q3) == set(Q3) | on_registers
    assert {q3[i].no_data for i in on_registers} == {"register not kept"}


@pytest.mark.parametrize("indicator", sorted(Q3))
def test_q3_value(q3, indicator):
    result = q3[indicator]
    value, numerator, denominator = Q3[indicator]
    assert result.status == "ok"
    assert result.value == pytest.approx(value)
    assert result.numerator == numerator
    assert result.denominator == denominator
    assert result.snapshot == "fixture-1"


def test_duration_bands(q3):
    assert q3["cin_duration_bands"].bands == {
        "0-6 months": 2,
        "6-12 months": 0,
        "1-2 years": 0,
        "2 years+": 1,
    }
    assert q3["cp_duration_bands"].bands == {
        "3 months or less": 1,
        "3-6 months": 0,
        "6-12 months": 1,
        "1-2 years": 1,
        "2 years+": 0,
    }


def test_comparisons_and_forecast(q3):
    contacts = q3["contacts"]
    assert [(f.period, f.value) for f in contacts.previous_quarters] == [
        ("2018-19-Q3", 1),
        ("2018-19-Q4", 0),
        ("2019-20-Q1", 0),
        ("2019-20-Q2", 1),
    ]
    assert contacts.same_period_last_year.value == 1
    assert contacts.last_year_outturn.value == 1
    # 5 contacts in the 275 days to 31 Dec; 366 days in 2019-20
    assert contacts.forecast == 6.7
    assert q3["cla_open"].forecast is None  # stock measures have no forecast


def test_easter_and_ve_day(snapshot):
    (result,) = compute(snapshot, "2020-21-Q1", ids=["contacts_decided_1wd_pct"])
    assert (result.numerator, result.denominator) == (2, 3)


def test_settings_change_the_clock_and_day_zero(snapshot):
    settings = {"working_days": "day0", "assessment_clock": "assessment_start"}
    (result,) = compute(snapshot, "2019-20-Q3", ids=["assessments_45wd_pct"], settings=settings)
    assert result.numerator == 2  # A2 29 wd, A3 25 wd from the start dates
    inclusive = {"working_days": "inclusive", "assessment_clock": "referral"}
    (result,) = compute(
        snapshot, "2019-20-Q3", ids=["contacts_decided_1wd_pct"], settings=inclusive
    )
    assert result.numerator == 0  # the contact day now counts as day 1


def test_year_and_asat_periods(snapshot):
    (year,) = compute(snapshot, "2019-20", ids=["contacts"], comparisons=False)
    assert year.value == 5
    (asat,) = compute(snapshot, "asat:2019-12-31", ids=["cla_open"], comparisons=False)
    assert asat.value == 6
    (ytd,) = compute(snapshot, "2019-20-YTD-Q3", ids=["referrals"], comparisons=False)
    assert ytd.value == 4  # R5 in August plus Q3's three


def test_early_help_referrals_whatever_became_of_them(q3, snapshot):
    """EH4 (taken on), EH5 (passed to children's social care as a referral) and EH8 (31 Dec,
    no further action) are Q3's; EH1-EH3 have no referral date and are not counted. The
    year to Q3 adds EH6 (30 Sep): 4 in the 275 days to 31 Dec, so 4 * 366 / 275 = 5.3 for
    2019-20; 2018-19 had EH7 alone."""
    result = q3["eh_referrals"]
    assert result.forecast == 5.3
    assert result.last_year_outturn.value == 1
    assert result.same_period_last_year.value == 1
    assert [f.value for f in result.previous_quarters] == [1, 0, 0, 1]
    rows = {r.evidence["eh_id"]: r for r in children(snapshot, "eh_referrals", "2019-20-Q3")}
    assert sorted(rows) == ["EH4", "EH5", "EH8"]
    assert rows["EH5"].evidence["referral_outcome"] == "referral"
    assert rows["EH5"].in_numerator


def test_short_breaks_count_each_child_once(q3, snapshot):
    """Q3 (1 Oct - 31 Dec 2019): C40 has two section 17 services (activity from September,
    overnight from November) and counts once; C41 is looked after under a V4 agreement and
    has a section 17 day service too, and counts once; C42 has two V3 stays, once. C43's
    service ended on 30 September and C44's starts in January. The V3/V4 episodes leave the
    care counts as they were (cla_open 6, cla_started 3, cla_ceased 1, checked above).
    The year to Q3 adds C43: 4 children, 4 * 366 / 275 = 5.3 forecast."""
    result = q3["short_break_children"]
    assert result.forecast == 5.3
    rows = {
        r.child_id: r.evidence for r in children(snapshot, "short_break_children", "2019-20-Q3")
    }
    assert sorted(rows) == ["C40", "C41", "C42"]
    assert (
        rows["C40"]["records"],
        rows["C40"]["looked_after_v3_v4"],
        rows["C40"]["section_17"],
    ) == (2, False, True)
    assert (
        rows["C41"]["records"],
        rows["C41"]["looked_after_v3_v4"],
        rows["C41"]["section_17"],
    ) == (2, True, True)
    assert (rows["C42"]["records"], rows["C42"]["first_start"]) == (2, date(2019, 10, 5))
    (ytd,) = compute(snapshot, "2019-20-YTD-Q3", ids=["short_break_children"], comparisons=False)
    assert ytd.value == 4


def test_short_breaks_need_both_sources(snapshot_path, tmp_path):
    """Without a short_breaks table the figure would leave out every child given short
    breaks under section 17: it is not available rather than an undercount."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(snapshot_path, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("DELETE FROM short_breaks")
        (result,) = compute(con, "2019-20-Q3", ids=["short_break_children"])
    assert result.status == "not available: needs short_breaks.start_date"
    assert result.value is None
