"""`csc-insight benchmarks load|show|build-shipped`: DfE's published comparators."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csc_insight.benchmarks import Comparator
    from csc_insight.benchmarks.read import ReadResult


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("benchmarks", help="DfE published comparators")
    commands = parser.add_subparsers(dest="benchmarks_command", required=True, metavar="ACTION")

    load = commands.add_parser("load", help="load DfE's published CSVs from a directory")
    load.add_argument("directory", type=Path)
    load.set_defaults(handler=_load)

    show = commands.add_parser("show", help="England / region / neighbours / LA per indicator")
    show.add_argument("--la", default=None, help="ONS code (E09000001) or old code (201)")
    show.add_argument("--year", default=None, help="financial year, e.g. 2019-20 (default latest)")
    show.set_defaults(handler=_show)

    build = commands.add_parser(
        "build-shipped", help="rebuild the table shipped in the package from DfE's files"
    )
    build.add_argument("directory", type=Path)
    build.add_argument("--dest", type=Path, default=None, help="default: the package's data/")
    build.set_defaults(handler=_build)


def _print_result(result: ReadResult) -> None:
    for f in result.files:
        if f.kind == "published":
            years = f"{f.years[0]} to {f.years[-1]}" if f.years else "no years"
            print(f"{f.file}: {f.rows} figures, {years}; {', '.join(f.measures) or 'no measures'}")
        elif f.kind == "neighbours":
            print(f"{f.file}: statistical neighbours for {f.rows} local authorities")
        elif f.kind == "regional":
            print(f"{f.file}: regional pool medians for {f.rows} indicators (Region, quarterly)")
        elif f.kind == "unused":
            print(f"{f.file}: a DfE file no indicator uses yet; skipped")
    for issue in result.report.issues:
        print(f"{issue.severity}: {issue.where()}: {issue.message}")


def _load(args: argparse.Namespace) -> int:
    from csc_insight.benchmarks.store import BenchmarkLoadError, load

    try:
        result = load(args.directory)
    except BenchmarkLoadError as exc:
        _print_result(exc.result)
        print("Nothing was changed: the previous benchmark table is still in use.")
        return 1
    _print_result(result)
    return 0


def _build(args: argparse.Namespace) -> int:
    from csc_insight.benchmarks.store import SHIPPED, BenchmarkLoadError, build_shipped

    try:
        result = build_shipped(args.directory, args.dest or SHIPPED)
    except BenchmarkLoadError as exc:
        _print_result(exc.result)
        return 1
    _print_result(result)
    return 0


def _cell(comparator: Comparator | None, with_area: bool = True) -> str:
    if comparator is None:
        return "-"
    shown = comparator.status or "-" if comparator.value is None else f"{comparator.value:g}"
    return f"{shown} ({comparator.area})" if with_area else shown


def _show(args: argparse.Namespace) -> int:
    from csc_insight.benchmarks import comparators, latest_year
    from csc_insight.benchmarks.sources import INDICATOR_IDS

    header = ("indicator", "year", "England", "region", "neighbours", "LA", "release")
    lines = [header]
    for indicator_id in INDICATOR_IDS:
        year = args.year or latest_year(indicator_id)
        found = comparators(indicator_id, year, args.la) if year else {}
        if not found:
            lines.append((indicator_id, year or "-", "-", "-", "-", "-", "no published figures"))
            continue
        release = next(iter(found.values())).release
        lines.append(
            (
                indicator_id,
                year or "-",
                _cell(found.get("england"), with_area=False),
                _cell(found.get("london")),
                _cell(found.get("neighbours")),
                _cell(found.get("la")),
                release,
            )
        )
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    for row in lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0
