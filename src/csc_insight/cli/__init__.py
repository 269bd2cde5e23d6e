"""The `csc-insight` command line: a thin layer over the library.

Each module named in COMMAND_MODULES defines `register(subparsers)`, adding its
sub-commands; a sub-command's handler takes the parsed arguments and returns an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = [
    "csc_insight.cli.data",  # load, snapshots, use
    "csc_insight.cli.synth",  # synth
    "csc_insight.cli.benchmarks",  # benchmarks load, show, build-shipped
    "csc_insight.cli.web",  # serve, createuser, demo-user
    "csc_insight.cli.plans",  # plans import, list, export, demo
    "csc_insight.cli.indicators",  # indicators, children
    "csc_insight.cli.report",  # report performance|appendix|plan|audit|agenda
    "csc_insight.cli.audits",  # audits sample, demo
    "csc_insight.cli.validate",  # validate
]


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
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
