"""`csc-insight indicators` and `csc-insight children`: the catalogue from the command line."""

from __future__ import annotations

import argparse
import io
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    from csc_insight.indicators.engine import BREAKDOWNS

    ind = subparsers.add_parser("indicators", help="compute every indicator for a period")
    ind.add_argument(
        "--period",
        required=True,
        help="2019-20-Q3, 2019-20, 2019-20-YTD-Q3, rolling-12m:DATE, asat:DATE",
    )
    ind.add_argument("--by", choices=BREAKDOWNS)
    ind.add_argument("--id", action="append", dest="ids", help="only this indicator (repeat)")
    ind.add_argument("--format", choices=("table", "csv", "json", "xlsx"), default="table")
    ind.add_argument("--out", help="file to write (required for xlsx)")
    ind.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    ind.add_argument("--snapshot", help="snapshot id (default: the current one)")
    ind.set_defaults(handler=run_indicators)

    kids = subparsers.add_parser(
        "children",
        help="the children behind an indicator (restricted records masked; "
        "every run is written to the access log)",
    )
    kids.add_argument("indicator")
    kids.add_argument("--period", required=True)
    kids.add_argument("--snapshot", help="snapshot id (default: the current one)")
    kids.add_argument(
        "--include-restricted",
        action="store_true",
        help="print restricted records' ids and dates too (logged as such)",
    )
    kids.add_argument("--user", help="who is asking, for the access log (default: the login name)")
    kids.set_defaults(handler=run_children)


def _backend(args: argparse.Namespace) -> object:
    """A DuckDB connection to the snapshot, or a SparkBackend over its tables."""
    from csc_insight.store.snapshots import connect

    con = connect(args.snapshot)
    if getattr(args, "engine", "duckdb") == "spark":
        from csc_insight.indicators.spark import SparkBackend

        return SparkBackend.from_duckdb(con)
    return con


def run_indicators(args: argparse.Namespace) -> int:
    from pathlib import Path

    from csc_insight.indicators import compute, export

    if args.format == "xlsx" and not args.out:
        print("--format xlsx needs --out FILE", file=sys.stderr)
        return 2
    results = compute(_backend(args), args.period, ids=args.ids, by=args.by)
    if args.format == "table":
        export.print_table(results)
    elif args.format == "xlsx":
        export.write_xlsx(results, Path(args.out))
    elif args.format == "json":
        _write(args.out, export.to_json(results))
    else:
        buffer = io.StringIO()
        export.write_csv(results, buffer)
        _write(args.out, buffer.getvalue())
    return 0


def _write(out: str | None, text: str) -> None:
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    else:
        print(text)


def run_children(args: argparse.Namespace) -> int:
    """The children behind a figure. A restricted record prints as "Restricted record"
    without id or dates unless --include-restricted; every run is one access-log event
    (who, indicator, period, every id printed), as a list page in the web app is."""
    import getpass

    from csc_insight.cli import database
    from csc_insight.indicators import children
    from csc_insight.store.snapshots import SnapshotError, current

    try:
        snapshot_id = args.snapshot or current().id
        rows = children(_backend(args), args.indicator, args.period)
    except (LookupError, SnapshotError) as exc:
        print(exc, file=sys.stderr)
        return 1
    database.ready()  # restricted records and the access log: in the application database
    from django.contrib.auth import get_user_model

    from csc_insight.access.accesslog.record import record_command
    from csc_insight.access.restricted.access import MASK, restricted_ids

    username = args.user or getpass.getuser()
    known = get_user_model().objects.filter(username__iexact=username).first()
    masked = frozenset() if args.include_restricted else restricted_ids()
    shown = [row.child_id for row in rows if row.child_id not in masked]
    record_command(
        username,
        known.pk if known else None,
        "children",
        shown,
        reason=f"{args.indicator} {args.period}, snapshot {snapshot_id}: {len(shown)} of "
        f"{len(rows)} children shown"
        + (", restricted records included" if args.include_restricted else ""),
    )
    for row in rows:
        yes_no = (
            f"numerator={'yes' if row.in_numerator else 'no'}\t"
            f"denominator={'yes' if row.in_denominator else 'no'}"
        )
        if row.child_id in masked:
            print(f"{MASK}\t{yes_no}\t")
            continue
        evidence = ", ".join(f"{k} {v}" for k, v in row.evidence.items() if v is not None)
        print(f"{row.child_id}\t{yes_no}\t{evidence}")
    return 0
