"""Validation results as a terminal table, CSV, JSON and an XLSX a data officer can work
through row by row (a summary sheet counting failures by rule, then one row per failure).

Spreadsheet cells are escaped against formulas with the exporters' `escape_cell`.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from csc_insight.indicators.export import escape_cell
from csc_insight.validation.catalogue import get
from csc_insight.validation.runner import Results

COLUMNS = ("rule", "code", "severity", "file", "sheet", "row", "child", "message", "values")


def flat_rows(results: Results) -> list[dict[str, Any]]:
    """One dict per failing row: the columns of the CSV, XLSX and JSON."""
    return [
        {
            "rule": f.rule,
            "code": f.code,
            "severity": f.severity,
            "file": f.file,
            "sheet": f.sheet,
            "row": f.row,
            "child": f.child,
            "message": f.message,
            "values": "; ".join(f"{k}={v}" for k, v in f.values.items()),
        }
        for f in results.failures
    ]


def summary_rows(results: Results) -> list[dict[str, Any]]:
    """Per rule run or skipped: code, return (and in words), severity, failing rows, message,
    status."""
    rows = []
    for rule_id, n in results.counts().items():
        rule = get(rule_id)
        rows.append(
            {
                "rule": rule_id,
                "code": rule.code,
                "return": rule.returns,
                "return_name": rule.return_name,
                "severity": rule.severity,
                "failures": n,
                "message": rule.message,
                "status": "run",
            }
        )
    for rule_id, why in results.rules_skipped.items():
        rule = get(rule_id)
        rows.append(
            {
                "rule": rule_id,
                "code": rule.code,
                "return": rule.returns,
                "return_name": rule.return_name,
                "severity": rule.severity,
                "failures": None,
                "message": rule.message,
                "status": why,
            }
        )
    return rows


def write_csv(results: Results, out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows({k: escape_cell(v) for k, v in row.items()} for row in flat_rows(results))


def to_json(results: Results) -> str:
    """One object per failing row: rule, code, severity, file, sheet, row, child, message,
    values."""
    return json.dumps([f.to_dict() for f in results.failures], indent=2, default=str)


def write_xlsx(results: Results, path: Path | IO[bytes]) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        path if not isinstance(path, Path) else str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True},
    )
    for name, rows, headings in (
        (
            "Summary",
            summary_rows(results),
            ("rule", "code", "return", "severity", "failures", "message", "status"),
        ),
        ("Failures", flat_rows(results), (*COLUMNS, "done")),
    ):
        sheet = workbook.add_worksheet(name)
        for col, heading in enumerate(headings):
            sheet.write_string(0, col, heading)
        for r, row in enumerate(rows, 1):
            for col, heading in enumerate(headings):
                value = row.get(heading)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(r, col, value)
                elif value is not None:
                    sheet.write_string(r, col, str(escape_cell(value)))
        sheet.autofilter(0, 0, max(len(rows), 1), len(headings) - 1)
        sheet.freeze_panes(1, 0)
    workbook.close()


def print_table(results: Results) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    summary = Table(title=f"Validation, collection year {results.collection_year}")
    for heading in ("rule", "return", "severity", "failures", "message"):
        summary.add_column(heading, overflow="fold")
    for row in summary_rows(results):
        n = row["failures"]
        summary.add_row(
            row["code"],
            row["return"],
            row["severity"],
            row["status"] if n is None else str(n),
            row["message"],
            style="red" if n else ("dim" if n is None else None),
        )
    console.print(summary)
    if not results.failures:
        return
    detail = Table(title="Failing rows")
    for heading in ("rule", "file", "row", "child", "values"):
        detail.add_column(heading, overflow="fold")
    for row in flat_rows(results):
        detail.add_row(
            row["code"],
            " ".join(p for p in (row["file"], row["sheet"]) if p),
            "" if row["row"] is None else str(row["row"]),
            row["child"] or "",
            row["values"],
        )
    console.print(detail)
