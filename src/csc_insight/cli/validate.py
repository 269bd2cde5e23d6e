"""`csc-insight validate`: the DfE's CIN census and SSDA903 rules, and our Annex A and
cross-return checks, on a snapshot or on files loaded into a temporary one."""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("validate", help="run the validation rules on a snapshot or files")
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders to load into a temporary snapshot (not published); "
        "without them the snapshot is checked",
    )
    p.add_argument("--snapshot", help="snapshot id (default: the current one)")
    p.add_argument("--collection-year", help="e.g. 2019-20 (default: the year of the latest data)")
    p.add_argument("--rule", action="append", dest="rules", help="only this rule (repeat)")
    p.add_argument("--format", choices=("table", "csv", "xlsx", "json"), default="table")
    p.add_argument("--out", help="file to write (required for xlsx)")
    p.set_defaults(handler=cmd_validate)


def cmd_validate(args: argparse.Namespace) -> int:
    from csc_insight.store import snapshots
    from csc_insight.store.loader import load
    from csc_insight.validation import report
    from csc_insight.validation.catalogue import year_start
    from csc_insight.validation.runner import run

    if args.format == "xlsx" and not args.out:
        print("--format xlsx needs --out FILE", file=sys.stderr)
        return 2
    if args.collection_year:
        try:
            year_start(args.collection_year)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory(prefix="csc-validate-") as tmp:
        if args.paths:
            if args.snapshot:
                print("give PATHs or --snapshot, not both", file=sys.stderr)
                return 2
            from rich.console import Console

            from csc_insight.cli.data import print_report

            # The rules are what this command reports: never let them refuse its own load.
            blocking = os.environ.pop("CSC_INSIGHT_VALIDATION_BLOCKS", None)
            try:
                loaded = load(args.paths, base=Path(tmp))
            finally:
                if blocking is not None:
                    os.environ["CSC_INSIGHT_VALIDATION_BLOCKS"] = blocking
            if loaded.snapshot is None:
                print_report(loaded.report, Console(stderr=True))
                print("The files could not be loaded, so the rules were not run.", file=sys.stderr)
                return 1
            con = snapshots.connect(loaded.snapshot.id, base=Path(tmp))
        else:
            con = snapshots.connect(args.snapshot)
        results = run(con, args.collection_year, only=args.rules)
        con.close()
    if args.format == "table":
        report.print_table(results)
    elif args.format == "xlsx":
        report.write_xlsx(results, Path(args.out))
    elif args.format == "json":
        _write(args.out, report.to_json(results))
    else:
        buffer = io.StringIO()
        report.write_csv(results, buffer)
        _write(args.out, buffer.getvalue())
    return 1 if results.count("error") else 0


def _write(out: str | None, text: str) -> None:
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    else:
        print(text)
