"""Which way a figure moved against an earlier one, and whether that is better or worse.

    direction(12.0, 10.0, "lower")  ->  Direction("↑", "up", "worse")
    str(direction(12.0, 10.0, "lower"))  ->  "Up, worse"

Polarity is the indicator's: "higher" (higher is better), "lower", or "neutral" (a volume:
up or down, never better or worse). Missing is not zero: with either value missing there is
no direction ("No data to compare").
"""

from __future__ import annotations

from dataclasses import dataclass

ARROWS = {"up": "↑", "down": "↓", "same": "→"}


@dataclass(frozen=True)
class Direction:
    arrow: str  # "↑", "↓", "→", or "" when there is nothing to compare
    change: str  # "up", "down", "same", "no data"
    judgement: str | None = None  # "better", "worse", or None (neutral, same, no data)

    def __str__(self) -> str:
        if self.change == "no data":
            return "No data to compare"
        if self.change == "same":
            return "No change"
        word = self.change.capitalize()
        return f"{word}, {self.judgement}" if self.judgement else word


def direction(now: float | None, then: float | None, polarity: str) -> Direction:
    """The direction from `then` to `now` (values rounded to 1 decimal place first, as the
    dashboards show them, so a change too small to see reads "No change")."""
    if now is None or then is None:
        return Direction("", "no data")
    a, b = round(float(now), 1), round(float(then), 1)
    if a == b:
        return Direction(ARROWS["same"], "same")
    change = "up" if a > b else "down"
    judgement = None
    if polarity in ("higher", "lower"):
        judgement = "better" if (change == "up") == (polarity == "higher") else "worse"
    return Direction(ARROWS[change], change, judgement)
