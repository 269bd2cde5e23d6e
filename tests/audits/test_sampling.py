"""The audit sampler: quota, the 12-month rule, two-year coverage, thematic rounds."""

from __future__ import annotations

from datetime import date

import pytest

from csc_insight.audits.sampling import (
    SampleError,
    SampleOptions,
    months_before,
    propose_sample,
)
from csc_insight.indicators.periods import parse_period

from .conftest import allocate


def _ids(sample) -> list[str]:
    return [c.child_id for c in sample.chosen]


def test_default_quota_three_cases_from_three_workers(con) -> None:
    allocate(con, {"W1": 5, "W2": 4, "W3": 2, "W4": 3})
    sample = propose_sample(con, "2019-20-Q3", [])
    # All never audited: the biggest caseloads first (W1 5, W2 4, W4 3), first three ids each.
    assert _ids(sample) == [
        "W1-01",
        "W1-02",
        "W1-03",
        "W2-01",
        "W2-02",
        "W2-03",
        "W4-01",
        "W4-02",
        "W4-03",
    ]
    assert sample.as_at == date(2019, 12, 31)
    assert sample.chosen[0].reason == "Never audited; W1 holds 5 cases due for audit"
    assert sample.chosen[0].case_type == "cin"
    assert sample.coverage.open_cases == 14
    assert sample.coverage.never_audited == 14
    assert sample.coverage.quarters_to_cover == 2  # 14 cases at 9 a quarter


def test_unallocated_cases_are_counted_not_sampled_as_a_worker(con) -> None:
    allocate(con, {"W1": 2, "W2": 2})
    # Six open cases with no allocation: the biggest "caseload", and all never audited,
    # so the old sampler took three of them as if "Unallocated" were a worker.
    for n in range(1, 7):
        con.execute(
            "INSERT INTO referrals (referral_id, child_id, referral_date, source) "
            "VALUES (?, ?, DATE '2018-01-10', 'test')",
            [f"R-U{n}", f"U{n}"],
        )
    sample = propose_sample(con, "2019-20-Q3", [])
    # Two workers with two cases each: the quota is not met, and no unallocated case fills it.
    assert _ids(sample) == ["W1-01", "W1-02", "W2-01", "W2-02"]
    assert all(c.worker for c in sample.chosen)
    assert sample.coverage.open_cases == 10
    assert sample.coverage.unallocated == 6


def test_configurable_quota(con) -> None:
    allocate(con, {"W1": 5, "W2": 4, "W3": 2})
    sample = propose_sample(con, "2019-20-Q3", [], SampleOptions(per_worker=2, workers=2))
    assert _ids(sample) == ["W1-01", "W1-02", "W2-01", "W2-02"]


def test_twelve_month_rule_and_oldest_audited_first(con) -> None:
    allocate(con, {"W1": 4})
    history = [
        ("W1-01", date(2019, 1, 15)),  # within 12 months of 31/12/2019: left out
        ("W1-02", date(2018, 12, 31)),  # exactly 12 months before: eligible again
        ("W1-03", date(2017, 6, 1)),  # longest ago of the audited
        ("W1-03", date(2018, 6, 1)),  # its latest audit counts
    ]
    sample = propose_sample(con, "2019-20-Q3", history, SampleOptions(per_worker=4, workers=1))
    assert _ids(sample) == ["W1-04", "W1-03", "W1-02"]
    assert [c.last_audited for c in sample.chosen] == [None, date(2018, 6, 1), date(2018, 12, 31)]
    assert sample.chosen[1].reason == "Last audited 01/06/2018; W1 holds 3 cases due for audit"
    assert sample.coverage.audited_recently == 1
    assert sample.coverage.audited_in_two_years == 3
    assert sample.coverage.never_audited == 1


def test_recent_cases_only_when_asked_and_then_last(con) -> None:
    allocate(con, {"W1": 2})
    history = [("W1-01", date(2019, 10, 1))]
    assert _ids(propose_sample(con, "2019-20-Q3", history)) == ["W1-02"]
    again = propose_sample(con, "2019-20-Q3", history, SampleOptions(include_recent=True))
    assert _ids(again) == ["W1-02", "W1-01"]
    assert again.chosen[1].reason.startswith(
        "Last audited 01/10/2019, within 12 months (re-audit asked for)"
    )


def test_audits_after_the_quarter_are_ignored(con) -> None:
    allocate(con, {"W1": 1})
    assert _ids(propose_sample(con, "2019-20-Q3", [("W1-01", date(2020, 2, 1))])) == ["W1-01"]


def test_every_open_case_audited_within_two_years(con) -> None:
    """Eight quarters of the default cycle over 56 open cases held unevenly by 8 workers."""
    caseloads = {"W1": 12, "W2": 10, "W3": 8, "W4": 8, "W5": 6, "W6": 6, "W7": 4, "W8": 2}
    everyone = allocate(con, caseloads)
    history: list[tuple[str, date]] = []
    quarter = parse_period("2019-20-Q1")
    for _ in range(8):
        sample = propose_sample(con, quarter, history)
        assert len(sample.chosen) == 9
        history += [(c.child_id, quarter.end) for c in sample.chosen]
        quarter = _next(sample.quarter)
    audited = {child for child, _ in history}
    assert sorted(set(everyone) - audited) == []
    # No case was audited twice inside 12 months.
    days: dict[str, list[date]] = {}
    for child, day in history:
        days.setdefault(child, []).append(day)
    gaps = [(a, b) for d in days.values() for a, b in zip(d, d[1:], strict=False)]
    assert [(a, b) for a, b in gaps if b < months_before(a, -12)] == []


def _next(label: str):
    period = parse_period(label)
    y, q = int(label[:4]), int(label[-1])
    y, q = (y, q + 1) if q < 4 else (y + 1, 1)
    nxt = parse_period(f"{y}-{(y + 1) % 100:02d}-Q{q}")
    assert nxt.start > period.end
    return nxt


def test_first_two_quarters_by_hand(con) -> None:
    allocate(con, {"W1": 8, "W2": 6, "W3": 5, "W4": 4, "W5": 3})
    first = propose_sample(con, "2019-20-Q1", [])
    assert _ids(first) == [
        "W1-01",
        "W1-02",
        "W1-03",
        "W2-01",
        "W2-02",
        "W2-03",
        "W3-01",
        "W3-02",
        "W3-03",
    ]
    history = [(c, date(2019, 6, 30)) for c in _ids(first)]
    second = propose_sample(con, "2019-20-Q2", history)
    # Left: W1 5, W4 4, W2 3, W5 3, W3 2 never-audited cases; ties go by name.
    assert _ids(second) == [
        "W1-04",
        "W1-05",
        "W1-06",
        "W4-01",
        "W4-02",
        "W4-03",
        "W2-04",
        "W2-05",
        "W2-06",
    ]


def test_thematic_round_takes_the_children_the_indicator_counts(con) -> None:
    allocate(con, {"W1": 3, "W2": 1})
    con.execute("""
        INSERT INTO missing_episodes (child_id, missing_type, start_date, source) VALUES
            ('W1-02', 'M', DATE '2019-11-02', 'local'), ('W1-03', 'M', DATE '2019-10-05', 'local'),
            ('W2-01', 'A', DATE '2019-12-01', 'local'), ('W1-01', 'M', DATE '2019-08-01', 'local');
    """)
    options = SampleOptions(theme="missing_children_with_episode", size=5)
    history = [("W1-03", date(2018, 1, 1)), ("W2-01", date(2019, 11, 1))]
    sample = propose_sample(con, "2019-20-Q3", history, options)
    # W1-01's episode is in Q2; W2-01 was audited a month ago; never audited first.
    assert _ids(sample) == ["W1-02", "W1-03"]
    assert sample.chosen[0].reason == (
        "Never audited; matches the theme: Children missing from home or care in 2019-20-Q3"
    )
    assert sample.theme == "missing_children_with_episode"


def test_bad_quarter_and_theme(con) -> None:
    with pytest.raises(SampleError, match="not a quarter"):
        propose_sample(con, "2019-20", [])
    with pytest.raises(SampleError, match="no_such_indicator"):
        propose_sample(con, "2019-20-Q3", [], SampleOptions(theme="no_such_indicator"))


def test_json_shape(con) -> None:
    allocate(con, {"W1": 1})
    data = propose_sample(con, "2019-20-Q3", [("W1-01", date(2018, 3, 1))]).to_dict()
    assert data["chosen"] == [
        {
            "child_id": "W1-01",
            "case_type": "cin",
            "worker": "W1",
            "team": "Team A",
            "last_audited": "2018-03-01",
            "reason": "Last audited 01/03/2018; W1 holds 1 case due for audit",
        }
    ]
    assert data["as_at"] == "2019-12-31"
