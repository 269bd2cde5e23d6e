"""The regional table: for each indicator and council the value, rank and quartile, and the
regional mean and median and the council's statistical-neighbour median.

Disclosure control comes first (`csc_insight.reports.disclosure`, the public audience, at
least DfE's rule: a count of 1 to 5 never leaves the pool): each council's figures pass
through `disclose` together, and a suppressed figure is shown as 'c' and takes no part in
ranks, quartiles, means or medians (else they would bound it). So the statistics are over
the councils with a shown value (`councils_ranked`).

- Rank 1 is the best value: the highest for polarity 'higher', the lowest for 'lower'; for
  'neutral' indicators (no better direction) rank 1 is simply the highest. Ties share the
  best rank (1, 2, 2, 4).
- Quartile = floor(4 x (rank - 1) / councils ranked) + 1: 1 is the best quarter.
- Statistical-neighbour median: the median of the council's DfE statistical neighbours
  (`csc_insight.benchmarks`) that are in the pool with a shown value; "not available" when
  the council's neighbours are not known or none of them has one.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from csc_insight.indicators import Result
from csc_insight.reports.disclosure import (
    SYMBOL,
    Audience,
    Rule,
    configured_rule,
    disclose,
    is_suppressed,
    policy_for,
)

NOT_AVAILABLE = "not available"
DIGITS = 6  # engines summing in another order agree to this many places

# council code -> its statistical neighbours' codes (any form the pool uses), None if unknown
Neighbours = Callable[[str], Sequence[str] | None]


@dataclass(frozen=True)
class RegionalRow:
    indicator_id: str
    title: str
    unit: str
    polarity: str
    period: str
    la_code: str
    value: float | None  # None: suppressed ('c'), no data or not available (see status)
    status: str  # 'ok', 'c' (suppressed), 'no data: <why>', 'not available: needs ...'
    rank: int | None
    quartile: int | None
    councils_ranked: int
    regional_mean: float | None
    regional_median: float | None
    neighbours_median: float | str  # a number, or "not available"

    def shown_value(self) -> str:
        if self.status == SYMBOL:
            return SYMBOL
        if self.value is None:
            return ""
        return str(int(self.value)) if float(self.value).is_integer() else str(self.value)


def pool_rule() -> Rule:
    """The install's rule, but never weaker than DfE's (counts 1-5 suppressed)."""
    rule = configured_rule()
    return Rule(threshold=max(rule.threshold, 5), suppress_zero=rule.suppress_zero)


def _disclosed(results: Sequence[Result], rule: Rule) -> dict[str, Any]:
    shown, _, _ = disclose({r.id: r for r in results}, {}, None, policy_for(Audience.PUBLIC, rule))
    return shown


def _status(result: Any) -> str:
    if is_suppressed(result.value):
        return SYMBOL
    if result.status != "ok":
        return result.status
    if result.value is None:
        return f"no data: {result.no_data}"
    return "ok"


def ranks(values: Mapping[str, float], polarity: str) -> dict[str, int]:
    """Competition ranks (1, 2, 2, 4), 1 the best (the highest unless polarity is 'lower')."""
    sign = 1 if polarity == "lower" else -1
    ordered = sorted(values.values(), key=lambda v: sign * v)
    return {code: ordered.index(v) + 1 for code, v in values.items()}


def quartile(rank: int, ranked: int) -> int:
    return math.floor(4 * (rank - 1) / ranked) + 1


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


def regional_table(
    results: Mapping[str, Sequence[Result]],
    neighbours: Neighbours | None = None,
    rule: Rule | None = None,
) -> list[RegionalRow]:
    """Rows ordered by indicator (catalogue order) then council code."""
    rule = rule or pool_rule()
    neighbours = neighbours or _published_neighbours(list(results))
    shown = {code: _disclosed(rs, rule) for code, rs in results.items()}
    order = list(dict.fromkeys(r.id for rs in results.values() for r in rs))
    rows = []
    for ident in order:
        figures = {code: s[ident] for code, s in shown.items() if ident in s}
        values = {
            code: float(r.value)
            for code, r in figures.items()
            if _status(r) == "ok"  # a shown number
        }
        some = next(iter(figures.values()))
        ranked = ranks(values, some.polarity)
        numbers = list(values.values())
        mean = _round(statistics.fmean(numbers)) if numbers else None
        median = _round(statistics.median(numbers)) if numbers else None
        for code in sorted(figures):
            r = figures[code]
            near = neighbours(code)
            near_values = [values[c] for c in (near or ()) if c in values and c != code]
            rows.append(
                RegionalRow(
                    indicator_id=ident,
                    title=r.title,
                    unit=r.unit,
                    polarity=r.polarity,
                    period=r.period,
                    la_code=code,
                    value=_round(values.get(code)),
                    status=_status(r),
                    rank=ranked.get(code),
                    quartile=quartile(ranked[code], len(ranked)) if code in ranked else None,
                    councils_ranked=len(ranked),
                    regional_mean=mean,
                    regional_median=median,
                    neighbours_median=(
                        _round(statistics.median(near_values)) if near_values else NOT_AVAILABLE
                    ),
                )
            )
    return rows


def _published_neighbours(codes: list[str]) -> Neighbours:
    """Neighbours from DfE's groupings (`csc_insight.benchmarks`), as pool council codes:
    a council known by its ONS code or its old 3-digit code is matched either way."""
    from csc_insight.benchmarks import old_la_code, statistical_neighbours

    by_old = {old_la_code(code): code for code in codes}

    def find(code: str) -> list[str] | None:
        found = statistical_neighbours(code)
        if found is None:
            return None
        return [by_old[old] for old in found if old in by_old]

    return find
