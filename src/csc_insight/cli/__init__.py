"""The `csc-insight` command line: a thin layer over the library.

Each module named in COMMAND_MODULES defines `register(subparsers)`, adding its
sub-commands; a sub-command's handler takes the parsed arguments and returns an exit code.
A period that names no real period (`--period 2019-20-Q5`) is a usage error: one line on
standard error and exit code 2, as argparse does for other bad arguments.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = [
    "csc_insight.cli.data",  # load, snapshots, use
    "csc_insight.cli.synth",  # synth
    "csc_insight.cli.benchmarks",  # benchmarks load, show, build-shipped
    "csc_insight.cli.web",  # migrate, serve, createuser, demo-user
    "csc_insight.cli.plans",  # plans import, list, export, demo
    "csc_insight.cli.indicators",  # indicators, children
    "csc_insight.cli.committee",  # committee (or report) performance|appendix|plan|...
    "csc_insight.cli.audits",  # audits sample, demo
    "csc_insight.cli.validate",  # validate
    "csc_insight.cli.registers",  # registers import, list
    "csc_insight.cli.pool",  # pool add, indicators
]

# Arguments that hold a period label (`--period`, `audits sample --quarter`).
PERIOD_ARGUMENTS = ("period", "quarter")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csc-insight",
        description="Children's services performance, plans, audits and committee papers.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    from csc_insight.cli.database import NotReady
    from csc_insight.indicators.periods import PeriodError, parse_period
    from csc_insight.store.snapshots import SnapshotError

    args = build_parser().parse_args(argv)
    try:
        for name in PERIOD_ARGUMENTS:  # checked before any data is opened
            if isinstance(getattr(args, name, None), str):
                parse_period(getattr(args, name))
        return int(args.handler(args) or 0)
    except PeriodError as bad:
        print(f"csc-insight {args.command}: {bad}", file=sys.stderr)
        return 2
    except (SnapshotError, NotReady) as missing:
        print(f"csc-insight {args.command}: {missing}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
