"""Indicator results as flat rows, CSV, XLSX, JSON and a terminal table.

Spreadsheet exports escape any text cell beginning with = + - @ tab or carriage return
(formula injection) and an XLSX export holds no formulas. A figure with no data has an
empty value and its reason in the `no_data` column (the table says "no data (reason)").
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from csc_insight.indicators.engine import Result

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COMPARATORS = ("england", "london", "neighbours")


def escape_cell(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would read as a formula with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _shown(value: float | None) -> str:
    return "no data" if value is None else f"{_round(value)}"


def flat_rows(results: Sequence[Result]) -> list[dict[str, Any]]:
    """One flat dict per result: the columns of the CSV and XLSX exports."""
    rows = []
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
    return json.dumps([r.to_dict() for r in results], indent=2, default=str)


def print_table(results: Sequence[Result]) -> None:
    from rich.console import Console
    from rich.table import Table

    by = results[0].by if results else None
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
    ]
    for heading in headings:
        table.add_column(heading)

    def show(value: Any) -> str:
        return "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))

    for row, r in zip(flat_rows(results), results, strict=True):
        if r.status != "ok":
            cells = [r.title, *([show(r.key)] if by else []), r.status]
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
        )
    Console().print(table)
