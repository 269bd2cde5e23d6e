"""Published comparators: England, region, statistical neighbours and the LA's own DfE figure.

`comparators(indicator_id, year, la_code)` is what the indicator engine calls (about 50 times a
page view), so the table in use (see `store.py`) is read once and kept in memory, and read
again only when a new `benchmarks load` switches it.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csc_insight.benchmarks import regional
from csc_insight.benchmarks.read import normalise_year
from csc_insight.benchmarks.store import PUBLISHED, current_dir, read_tables
from csc_insight.settings import la_code as default_la_code

__all__ = [
    "Comparator",
    "comparators",
    "latest_year",
    "nearest_year",
    "old_la_code",
    "region_quarterly",
    "statistical_neighbours",
]


@dataclass(frozen=True)
class Comparator:
    area: str  # 'England', 'London', 'Statistical neighbours (median of 10)', or the LA name
    value: float | None  # None when suppressed / not available
    status: str | None  # None for a number; else DfE's symbol as published: 'c', 'z', 'x', ...
    year: str  # financial year of the figure, '2019-20'
    release: str  # the file the figure came from


@dataclass
class _Figures:
    """Every area's figure for one indicator and year."""

    areas: dict[str, dict[str, Any]] = field(default_factory=dict)  # area code -> row
    by_old_code: dict[str, dict[str, Any]] = field(default_factory=dict)  # LA old code -> row


@dataclass
class _Index:
    figures: dict[tuple[str, str], _Figures]
    la_old_code: dict[str, str]  # new ONS code -> old 3-digit code
    la_new_code: dict[str, str]  # old -> new
    la_region: dict[str, tuple[str, str]]  # old code -> (region code, region name)
    neighbours: dict[str, list[str]]  # old code -> neighbours' old codes, by rank
    neighbour_release: str
    # the regional pool's medians (benchmarks/regional.py), (indicator id, year) -> row
    regional: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)


_cache: dict[str, Any] = {"key": None, "index": None}


def _index() -> _Index:
    directory = current_dir()
    published = directory / PUBLISHED
    key = (str(directory), published.stat().st_mtime_ns)
    if _cache["key"] != key:
        _cache["index"] = _build(directory)
        _cache["key"] = key
    return _cache["index"]


def _build(directory: Path) -> _Index:
    rows, neighbour_rows = read_tables(directory)
    figures: dict[tuple[str, str], _Figures] = {}
    old_code: dict[str, str] = {}
    new_code: dict[str, str] = {}
    region: dict[str, tuple[str, str]] = {}
    pooled: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        if row["level"] == regional.LEVEL:  # not DfE's: kept apart, never a "nearest year"
            pooled[(row["indicator_id"], row["year"])] = row
            continue
        entry = figures.setdefault((row["indicator_id"], row["year"]), _Figures())
        if row["area_code"]:
            entry.areas[row["area_code"]] = row
        if row["level"] == "Local authority" and row["old_la_code"]:
            old = row["old_la_code"]
            entry.by_old_code[old] = row
            if row["area_code"]:
                old_code[row["area_code"]] = old
                new_code[old] = row["area_code"]
            if row["region_code"]:
                region[old] = (row["region_code"], row["region_name"])
    neighbours: dict[str, list[str]] = {}
    for row in sorted(neighbour_rows, key=lambda r: (r["old_la_code"], r["rank"])):
        neighbours.setdefault(row["old_la_code"], []).append(row["neighbour_old_la_code"])
    release = neighbour_rows[0]["release"] if neighbour_rows else ""
    return _Index(figures, old_code, new_code, region, neighbours, release, pooled)


def _comparator(area: str, row: dict[str, Any]) -> Comparator:
    return Comparator(area, row["value"], row["status"], row["year"], row["release"])


def comparators(indicator_id: str, year: str, la_code: str | None = None) -> dict[str, Comparator]:
    """Published comparators for one indicator and financial year ('2019-20').

    Keys, present where DfE published something: 'england'; 'london' (the LA's region:
    London for a London borough); 'neighbours' (median of the statistical neighbours'
    published numbers, suppressed ones left out, the count used in the area name); 'la' (the
    LA's own published figure). `la_code` is the ONS code (E09000001) or the old 3-digit code
    (201); default the install's LA. Unknown indicator or year: {}.
    """
    financial_year = normalise_year(year)
    if financial_year is None:
        return {}
    index = _index()
    figures = index.figures.get((indicator_id, financial_year))
    if figures is None:
        return {}
    code = (la_code or default_la_code()).strip()
    old = code if re.fullmatch(r"\d{3}", code) else index.la_old_code.get(code.upper())

    found: dict[str, Comparator] = {}
    national = next((r for r in figures.areas.values() if r["level"] == "National"), None)
    if national is not None:
        found["england"] = _comparator("England", national)
    if old is None:
        return found
    region_code, region_name = index.la_region.get(old, (None, None))
    if region_code and region_code in figures.areas:
        found["london"] = _comparator(region_name or region_code, figures.areas[region_code])
    neighbours = _neighbours_median(index, figures, old, financial_year)
    if neighbours is not None:
        found["neighbours"] = neighbours
    own = figures.by_old_code.get(old)
    if own is not None:
        found["la"] = _comparator(own["area_name"] or code, own)
    return found


def region_quarterly(indicator_id: str, year: str) -> Comparator | None:
    """The regional pool's median for the indicator in exactly this financial year (from a
    `region_quarterly*.csv` loaded by `benchmarks load`), labelled "Region, quarterly"."""
    financial_year = normalise_year(year)
    row = _index().regional.get((indicator_id, financial_year or ""))
    return None if row is None else _comparator(regional.LEVEL, row)


def old_la_code(la_code: str) -> str | None:
    """An LA's old 3-digit code from its ONS code (or itself when already one)."""
    code = la_code.strip()
    return code if re.fullmatch(r"\d{3}", code) else _index().la_old_code.get(code.upper())


def statistical_neighbours(la_code: str) -> list[str] | None:
    """The old codes of an LA's DfE statistical neighbours, closest first; None when the
    groupings do not know the LA."""
    old = old_la_code(la_code)
    found = _index().neighbours.get(old) if old else None
    return list(found) if found else None


def latest_year(indicator_id: str) -> str | None:
    """The latest financial year with published figures for this indicator, if any."""
    years = [year for (ident, year) in _index().figures if ident == indicator_id]
    return max(years, default=None)


def nearest_year(indicator_id: str, year: str) -> str | None:
    """`year` when DfE published this indicator for it, else the nearest year it did (the
    earlier on a tie), else None. The figure keeps its own year, so it is always shown
    labelled with it ("England 52% (2020-21)")."""
    wanted = normalise_year(year)
    years = sorted(y for (ident, y) in _index().figures if ident == indicator_id)
    if wanted is None or not years:
        return None
    if wanted in years:
        return wanted
    start = int(wanted[:4])
    return min(years, key=lambda y: (abs(int(y[:4]) - start), y))


def _neighbours_median(
    index: _Index, figures: _Figures, old: str, financial_year: str
) -> Comparator | None:
    rows = [figures.by_old_code.get(n) for n in index.neighbours.get(old, [])]
    numbers = [r["value"] for r in rows if r is not None and r["value"] is not None]
    if not numbers:
        return None
    releases = sorted({r["release"] for r in rows if r is not None and r["value"] is not None})
    return Comparator(
        f"Statistical neighbours (median of {len(numbers)})",
        round(statistics.median(numbers), 6),  # averaging two 1-decimal figures: no float noise
        None,
        financial_year,
        "; ".join(releases) + f"; neighbours: {index.neighbour_release}",
    )
