"""direction(): arrow, up/down and better/worse by polarity; no data when either is missing."""

from __future__ import annotations

import pytest

from csc_insight.indicators.direction import direction


@pytest.mark.parametrize(
    ("now", "then", "polarity", "arrow", "words"),
    [
        (12.0, 10.0, "higher", "↑", "Up, better"),
        (12.0, 10.0, "lower", "↑", "Up, worse"),
        (8.0, 10.0, "lower", "↓", "Down, better"),
        (8.0, 10.0, "higher", "↓", "Down, worse"),
        (8.0, 10.0, "neutral", "↓", "Down"),
        (10.04, 10.0, "higher", "→", "No change"),  # 10.0 and 10.0 as shown
        (0.0, 3.0, "neutral", "↓", "Down"),  # zero is a value, not missing
        (None, 10.0, "higher", "", "No data to compare"),
        (10.0, None, "lower", "", "No data to compare"),
    ],
)
def test_direction(
    now: float | None, then: float | None, polarity: str, arrow: str, words: str
) -> None:
    found = direction(now, then, polarity)
    assert (found.arrow, str(found)) == (arrow, words)
