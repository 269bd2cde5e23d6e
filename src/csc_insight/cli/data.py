"""Commands for data: `load`, `snapshots`, `use`."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from csc_insight.common.report import Report, row_in
from csc_insight.store import snapshots


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("load", help="validate returns and load them as a new snapshot")
    p.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="files or folders: Annex A, CIN census XML, SSDA903 CSVs, local extras",
    )
    p.add_argument("--report", type=Path, metavar="FILE", help="also write the report as JSON")
    p.add_argument("--user", help="who is loading (default: the login name)")
    p.add_argument(
        "--strict",
        action="store_true",
        help="refuse the load on any error, even one bad row (by default rows with "
        "bad values are quarantined and the rest is loaded)",
    )
    p.set_defaults(handler=cmd_load)

    p = subparsers.add_parser("snapshots", help="list loaded snapshots")
    p.set_defaults(handler=cmd_snapshots)

    p = subparsers.add_parser("use", help="make an earlier snapshot current again")
    p.add_argument("snapshot", metavar="SNAPSHOT")
    p.set_defaults(handler=cmd_use)


# Issues of one severity listed one by one on the terminal; the rest are counted by file and
# column (an England-sized load with 0.1% bad rows has some 21,000: 70,000 lines of table).
# `--report FILE` and the Data page keep every one.
SHOWN_PER_SEVERITY = 50
_MORE = {"error": "errors", "warning": "warnings", "quarantined": "rows or cells quarantined"}


def print_report(report: Report, console: Console) -> None:
    if not report.issues:
        return
    table = Table(title="Validation report", show_lines=False)
    for heading in ("", "file", "sheet", "row or line", "column", "value", "expected"):
        table.add_column(heading, overflow="fold")
    styles = {"error": "red", "quarantined": "magenta", "warning": "yellow"}
    shown: Counter[str] = Counter()
    counted: Counter[tuple[str, str, str]] = Counter()
    for issue in report.issues:
        column = " ".join(p for p in (issue.column_letter, issue.column) if p)
        if shown[issue.severity] >= SHOWN_PER_SEVERITY and not issue.emphasis:
            counted[(issue.severity, issue.file, column)] += 1
            continue
        shown[issue.severity] += 1
        style = styles[issue.severity] + (" bold" if issue.emphasis else "")
        table.add_row(
            issue.severity,
            issue.file,
            issue.sheet or "",
            row_in(issue.file, issue.row),
            column,
            issue.value or "",
            issue.message,
            style=style,
        )
    console.print(table)
    for (severity, file, column), n in sorted(counted.items()):
        where = f"{file}, column {column}" if column else file
        console.print(f"… and {n:,} more {_MORE[severity]} in {where}")
    for (severity, code, file), n in sorted(report.suppressed.items()):
        console.print(f"… and {n:,} more {_MORE[severity]} ({code}) in {file}")
    if counted or report.suppressed:
        console.print(
            "Only the first are listed here: `--report FILE` writes the whole report as JSON, "
            "and the Data page shows the rows set aside."
        )


def cmd_load(args: argparse.Namespace) -> int:
    from csc_insight.validation.at_load import load

    console = Console(stderr=True)
    with console.status("Loading…") as status:
        result = load(
            args.paths,
            user=args.user,
            strict=args.strict,
            progress=lambda what, done, total: status.update(
                f"Reading {what} ({done + 1} of {total})"
                if done < total
                else "Checking and writing the snapshot…"
            ),
        )
    print_report(result.report, console)
    if args.report:
        result.report.write_json(args.report)
    errors, warnings = result.report.count("error"), result.report.count("warning")
    if result.snapshot is None:
        console.print(
            f"[red]Load refused: {errors} error(s), {warnings} warning(s). "
            "Nothing changed: the previous snapshot is still current.[/red]"
        )
        return 1
    took = result.snapshot.load_seconds()
    console.print(
        f"Loaded snapshot {result.snapshot.id}"
        + (f" in {took:.1f} s" if took is not None else "")
        + f" ({warnings} warning(s)); it is now current."
    )
    set_aside = result.report.count("quarantined")
    if set_aside:
        console.print(
            f"[magenta]{set_aside:,} problem(s) with rows' values: those rows (or "
            "cells) were quarantined, not loaded; the report above lists them and they are kept in "
            "the snapshot's quarantine table. Use --strict to refuse such a load."
            "[/magenta]"
        )
    for table, count in sorted(result.rows.items()):
        if count:
            console.print(f"  {table:<22} {count:>10,}")
    _print_validation(result.snapshot.id, console)
    return 0


def _print_validation(snapshot_id: str, console: Console) -> None:
    """One line on the validation rules run at the load, and what changed since the last."""
    from csc_insight.validation import at_load

    checks = at_load.stored(snapshot_id)
    if checks is None:
        return
    failing = sum(1 for n in checks.counts().values() if n)
    line = (
        f"Validation ({checks.collection_year}): {len(checks.failures):,} failing row(s) "
        f"on {failing} of {len(checks.rules_run)} rule(s) run"
    )
    change = at_load.changes(snapshot_id)
    if change:
        line += f"; since the previous load {change.fixed:,} fixed, {change.new:,} new"
    console.print(line + ". `csc-insight validate` lists them.")


def cmd_snapshots(args: argparse.Namespace) -> int:
    current = snapshots.current_id()
    table = Table(title="Snapshots")
    for heading in ("", "id", "created (UTC)", "by", "files", "rows", "quarantined"):
        table.add_column(heading)
    for snap in snapshots.list_snapshots():
        set_aside = snap.manifest.get("quarantined") or {}
        table.add_row(
            "current" if snap.id == current else "",
            snap.id,
            snap.created_at,
            snap.created_by,
            str(len(snap.manifest.get("files", []))),
            f"{sum(snap.rows().values()):,}",
            f"{set_aside.get('rows', 0):,} rows, {set_aside.get('cells', 0):,} cells",
        )
    Console().print(table)
    return 0


def cmd_use(args: argparse.Namespace) -> int:
    try:
        snap = snapshots.set_current(args.snapshot)
    except snapshots.SnapshotError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Snapshot {snap.id} is now current.")
    return 0
