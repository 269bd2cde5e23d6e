"""`csc-insight pool add|indicators`: the regional pool (csc_insight.pool)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("pool", help="a regional pool of many councils' returns")
    commands = parser.add_subparsers(dest="pool_command", required=True, metavar="ACTION")

    add = commands.add_parser("add", help="validate a council's returns and add them to the pool")
    add.add_argument("la_code", metavar="LA_CODE", help="ONS code (E09000001) or old code (201)")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add.add_argument("--pool", default=None, metavar="DIR", help="default $CSC_INSIGHT_HOME/pool")
    add.add_argument("--user", help="who is adding (default: the login name)")
    add.add_argument("--strict", action="store_true", help="refuse on any bad row, as load does")
    add.set_defaults(handler=_add)

    ind = commands.add_parser("indicators", help="the regional table for every council")
    ind.add_argument("--period", required=True, help="e.g. 2019-20-Q3")
    ind.add_argument("--pool", default=None, metavar="DIR", help="a folder, or s3a://... (Spark)")
    ind.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    ind.add_argument("--master", default=None, help="Spark master, e.g. spark://host:7077")
    ind.add_argument(
        "--per-council",
        action="store_true",
        help="council by council instead of one pass over all (slower; to check against)",
    )
    ind.add_argument("--format", choices=["table", "csv", "json"], default="table")
    ind.add_argument("--out", type=Path, metavar="FILE", help="write here (default: stdout)")
    ind.set_defaults(handler=_indicators)


def _add(args: argparse.Namespace) -> int:
    from rich.console import Console

    from csc_insight.cli.data import print_report
    from csc_insight.pool import PoolAddError, add

    console = Console(stderr=True)
    try:
        result = add(args.la_code, args.paths, args.pool, user=args.user, strict=args.strict)
    except (ValueError, PoolAddError) as exc:
        print(f"csc-insight pool add: {exc}", file=sys.stderr)
        return 1
    print_report(result.report, console)
    if not result.ok:
        console.print(
            f"[red]Refused: {result.report.count('error')} error(s). Nothing changed: "
            f"{result.la_code}'s previous load is still current in the pool.[/red]"
        )
        return 1
    console.print(
        f"Added {result.la_code} load {result.load_id} "
        f"({sum(result.rows.values()):,} rows, ids pseudonymised); it is now current."
    )
    return 0


def _indicators(args: argparse.Namespace) -> int:
    from csc_insight.pool import council_results, default_pool_dir, regional_table
    from csc_insight.pool.output import write

    pool = args.pool or default_pool_dir()
    results = council_results(
        pool, args.period, args.engine, master=args.master, one_pass=not args.per_council
    )
    if not results:
        print(f"csc-insight pool indicators: no council in the pool at {pool}", file=sys.stderr)
        return 1
    rows = regional_table(results)
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as out:
            write(rows, out, args.format)
        print(f"Wrote {len(rows)} rows for {len(results)} councils to {args.out}")
    else:
        write(rows, sys.stdout, args.format)
    return 0
