"""Indicator results as flat rows, CSV, XLSX, JSON and a terminal table.

Spreadsheet exports escape any text cell beginning with = + - @ tab or carriage return
(formula injection) and an XLSX export holds no formulas. A figure with no data has an
empty value and its reason in the `no_data` column (the table says "no data (reason)").

The regional pool's median ("Region, quarterly": a pool's `region_quarterly*.csv` read by
`benchmarks load`) is the `region_quarterly` column once such a table is loaded for the
period's financial year: its value, or "no data" where the region has none for the
indicator (no council with a shown value, or not in the table); empty when no regional
table is loaded for the year, and for counts and breakdowns, which are not compared (as
England's). JSON carries it as `comparators.region_quarterly`, with `value` null and
`status` "no data" where the region has none.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from csc_insight.indicators import needs
from csc_insight.indicators.engine import Result

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COMPARATORS = ("england", "london", "neighbours")
REGION = "region_quarterly"
NO_DATA = "no data"


def escape_cell(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would read as a formula with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _shown(value: float | None) -> str:
    return "no data" if value is None else f"{_round(value)}"


def region_loaded(results: Sequence[Result]) -> bool:
    """Whether a regional pool's table is loaded for these results' year (the engine gives
    every indicator it holds a `region_quarterly` comparator, with or without a value)."""
    return any(REGION in r.comparators for r in results)


def _compared(result: Result) -> bool:
    return result.status == "ok" and result.unit != "count" and result.by is None


def region_value(result: Result, loaded: bool) -> float | str | None:
    """The region's median for the export: a number, NO_DATA where the region has none,
    None where there is nothing to compare (no regional table loaded, a count)."""
    if not loaded or not _compared(result):
        return None
    value = (result.comparators.get(REGION) or {}).get("value")
    return NO_DATA if value is None else value


def flat_rows(results: Sequence[Result]) -> list[dict[str, Any]]:
    """One flat dict per result: the columns of the CSV and XLSX exports."""
    rows = []
    loaded = region_loaded(results)
    for r in results:
        row: dict[str, Any] = {"id": r.id, "title": r.title, "period": r.period}
        if r.by:
            row[r.by] = r.key
        row |= {
            "status": r.status,
            "no_data": r.no_data,
            "value": _round(r.value),
            "numerator": r.numerator,
            "denominator": r.denominator,
            "unit": r.unit,
            "rag": r.rag,
            "target": r.target,
        }
        for i, figure in enumerate(r.previous_quarters, 1):
            row[f"previous_quarter_{i}"] = f"{figure.period}: {_shown(figure.value)}"
        for name in ("same_period_last_year", "last_year_outturn"):
            figure = getattr(r, name)
            row[name] = _round(figure.value) if figure else None
        row["forecast"] = _round(r.forecast)
        for name in COMPARATORS:
            row[name] = (r.comparators.get(name) or {}).get("value")
        row[REGION] = region_value(r, loaded)
        row["snapshot"] = r.snapshot
        rows.append(row)
    return rows


def write_csv(results: Sequence[Result], out: IO[str]) -> None:
    rows = flat_rows(results)
    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows({k: escape_cell(v) for k, v in row.items()} for row in rows)


def write_xlsx(results: Sequence[Result], path: Path) -> None:
    import xlsxwriter

    rows = flat_rows(results)
    workbook = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = workbook.add_worksheet("Indicators")
    if rows:
        for col, name in enumerate(rows[0]):
            sheet.write_string(0, col, name)
        for r, row in enumerate(rows, 1):
            for col, value in enumerate(row.values()):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(r, col, value)
                elif value is not None:
                    sheet.write_string(r, col, str(escape_cell(value)))
    workbook.close()


def to_json(results: Sequence[Result]) -> str:
    loaded = region_loaded(results)
    data = []
    for r in results:
        item = r.to_dict()
        if loaded and _compared(r) and (item["comparators"].get(REGION) or {}).get("value") is None:
            item["comparators"][REGION] = {
                **(item["comparators"].get(REGION) or {"year": None, "release": None}),
                "value": None,
                "status": NO_DATA,
            }
        data.append(item)
    return json.dumps(data, indent=2, default=str)


def print_table(results: Sequence[Result]) -> None:
    from rich.console import Console
    from rich.table import Table

    by = results[0].by if results else None
    loaded = region_loaded(results)
    table = Table(title=f"Indicators, {results[0].period}" if results else "Indicators")
    headings = [
        "indicator",
        *([by] if by else []),
        "value",
        "num",
        "den",
        "RAG",
        "previous 4 quarters",
        "last year",
        "outturn",
        "forecast",
        *COMPARATORS,
        *(["region"] if loaded else []),
    ]
    for heading in headings:
        table.add_column(heading)

    def show(value: Any) -> str:
        return "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))

    for row, r in zip(flat_rows(results), results, strict=True):
        if r.status != "ok":
            cells = [r.title, *([show(r.key)] if by else []), needs.explain(r.status)]
            table.add_row(*cells, *[""] * (len(headings) - len(cells)))
            continue
        quarters = " ".join(_shown(f.value) for f in r.previous_quarters)
        value = f"no data ({r.no_data})" if r.no_data else show(row["value"])
        table.add_row(
            r.title,
            *([show(r.key)] if by else []),
            value,
            show(r.numerator),
            show(r.denominator),
            show(r.rag),
            quarters,
            show(row["same_period_last_year"]),
            show(row["last_year_outturn"]),
            show(row["forecast"]),
            *(show(row[c]) for c in COMPARATORS),
            *([show(row[REGION])] if loaded else []),
        )
    Console().print(table)
