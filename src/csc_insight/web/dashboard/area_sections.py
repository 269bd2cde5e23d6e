"""How an area page groups its indicators: one section per thing measured, no repeats.

- A count and its percentage ("3 or more placements") are one section: the percentage,
  titled as the count, shows "14.8% (4 of 27)".
- A "by time open" indicator repeats its total (children in need at period end); its bands
  go under the total's section instead of a section of their own.
- A breakdown sits in the section of the indicator it breaks down, ordered for reading:
  age bands youngest first, other keys alphabetically, "not recorded" last.
"""

from __future__ import annotations

from typing import Any

from csc_insight.indicators.engine import NOT_RECORDED

# Folded indicator -> the indicator whose section takes it.
COUNT_INTO_PERCENT = {"cla_3plus_placements": "cla_3plus_placements_pct"}
BANDS_INTO_TOTAL = {"cin_duration_bands": "cin_open", "cp_duration_bands": "cp_open"}

AGE_BANDS = ("under 1", "1-4", "5-9", "10-15", "16-17", "18+")


def fold(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sections with counts folded into their percentages and bands into their totals
    (each section a dict with "definition" and "result"; folded ones gain "title",
    "also" (the folded definition) and "bands" (the bands' result))."""
    by_id = {s["definition"].id: s for s in sections}
    kept = []
    for s in sections:
        ident = s["definition"].id
        host = COUNT_INTO_PERCENT.get(ident) or BANDS_INTO_TOTAL.get(ident)
        if host in by_id:
            if ident in COUNT_INTO_PERCENT:
                by_id[host]["title"] = s["definition"].title
                by_id[host]["also"] = s["definition"]
            else:
                by_id[host]["bands"] = s["result"]
                by_id[host]["bands_title"] = s["definition"].title
            continue
        kept.append(s)
    for s in kept:
        s.setdefault("title", s["definition"].title)
    return kept


def breakdown_order(by: str, rows: list[Any]) -> list[Any]:
    """Breakdown results in reading order: ages by age, the rest by key; not recorded last."""

    def key(row: Any) -> tuple[int, int, str]:
        text = row.key or NOT_RECORDED
        if text == NOT_RECORDED:
            return (1, 0, "")
        if by == "age_band" and text in AGE_BANDS:
            return (0, AGE_BANDS.index(text), "")
        return (0, len(AGE_BANDS), text.lower())

    return sorted(rows, key=key)
