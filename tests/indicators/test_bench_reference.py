"""The benchmark's pandas reference (bench/indicators_pandas_reference.py) computes the same
five headline figures as the engine, so the speed ratio compares like with like.

On the hand-built fixture (conftest.py), Q3 2019-20, the values worked out by hand in
test_values.py: 4 contacts; 3 referrals, 1 re-referred; of 3 assessments 2 within 45
working days of their start (A3 starts 2 Sep: 25 working days, but 46 from its referral on
1 Aug); 6 children looked after at the end (C41's open short-break episode, V4, not counted).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import duckdb
import pytest

from csc_insight.indicators import compute

FIVE = ["contacts", "referrals", "rereferrals_12m_pct", "assessments_45wd_pct", "cla_open"]


def test_reference_agrees_with_the_engine(
    snapshot: duckdb.DuckDBPyConnection, import_file: Callable[[str], ModuleType]
) -> None:
    reference = import_file("bench/indicators_pandas_reference.py")
    values = reference.headline(snapshot, "2019-20-Q3")
    assert values == {
        "contacts": 4,
        "referrals": 3,
        "rereferrals_12m_pct": pytest.approx(100 / 3),
        "assessments_45wd_pct": pytest.approx(200 / 3),
        "cla_open": 6,
    }
    engine = {r.id: r.value for r in compute(snapshot, "2019-20-Q3", ids=FIVE, comparisons=False)}
    assert engine == values
