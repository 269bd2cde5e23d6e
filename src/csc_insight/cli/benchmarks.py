"""`csc-insight benchmarks load|show|build-shipped`: DfE's published comparators."""

from __future__ import annotations

import argparse
from pathlib import Path


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


def _print_result(result: object) -> None:
    from csc_insight.benchmarks.read import ReadResult

    assert isinstance(result, ReadResult)
    for f in result.files:
        if f.kind == "published":
            years = f"{f.years[0]} to {f.years[-1]}" if f.years else "no years"
            print(f"{f.file}: {f.rows} figures, {years}; {', '.join(f.measures) or 'no measures'}")
        elif f.kind == "neighbours":
            print(f"{f.file}: statistical neighbours for {f.rows} local authorities")
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


def _cell(comparator: object) -> str:
    from csc_insight.benchmarks import Comparator

    if not isinstance(comparator, Comparator):
        return "-"
    if comparator.value is None:
        return comparator.status or "-"
    return f"{comparator.value:g}"


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
        region = found.get("london")
        neighbours = found.get("neighbours")
        la = found.get("la")
        release = next(iter(found.values())).release
        lines.append(
            (
                indicator_id,
                year or "-",
                _cell(found.get("england")),
                f"{_cell(region)} ({region.area})" if region else "-",
                f"{_cell(neighbours)} (n={neighbours.area.split()[-1].rstrip(')')})"
                if neighbours
                else "-",
                f"{_cell(la)} ({la.area})" if la else "-",
                release,
            )
        )
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    for row in lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0
