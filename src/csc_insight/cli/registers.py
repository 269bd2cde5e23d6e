"""Register commands: `registers import KIND FILE` and `registers list KIND` (so far the
kind `missing`: children missing from home and care). A thin layer over
`csc_insight.registers`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

KINDS = ["missing"]


def _setup() -> None:
    from csc_insight.cli.web import migrate

    migrate()  # django.setup() with the settings, and the tables brought up to date


def import_register(args: argparse.Namespace) -> int:
    _setup()
    from csc_insight.registers.missing_import import import_file

    path = Path(args.file)
    if not path.is_file():
        print(f"{path}: no such file.", file=sys.stderr)
        return 1
    result = import_file(path, args.user or getpass.getuser())
    for issue in result.report.errors:
        print(f"{issue.where()}: {issue.message}"
              + (f" (found {issue.value!r})" if issue.value else ""), file=sys.stderr)
    if not result.read:
        print("Nothing was imported.", file=sys.stderr)
        return 1
    print(f"{result.created} added, {result.updated} updated, "
          f"{len(result.quarantined)} quarantined")
    return 0


def list_register(args: argparse.Namespace) -> int:
    _setup()
    from csc_insight.registers import missing
    from csc_insight.registers.services import missing_for_command

    view, masked = missing_for_command(args.user or getpass.getuser(),
                                       args.include_restricted)
    if view.loaded_count is None:
        print("No returns loaded: the register's entries only.", file=sys.stderr)
    print("child\tstart\tfrom\treturned\trhi_offered\trhi_accepted\tsource\talerts")
    for ep in view.episodes:
        if ep.child_id in masked:
            print("Restricted record")
            continue
        offered = (ep.rhi_offered_on.isoformat() if ep.rhi_offered_on
                   else {True: "yes", False: "no"}.get(ep.rhi_offered, ""))  # type: ignore[arg-type]
        accepted = {True: "yes", False: "no"}.get(ep.rhi_accepted, "")  # type: ignore[arg-type]
        alerts = "; ".join(missing.ALERTS[a] for a in ep.alerts)
        print(f"{ep.child_id}\t{ep.start.isoformat()}\t{ep.missing_from}\t"
              f"{ep.returned_on.isoformat() if ep.returned_on else 'still missing'}\t"
              f"{offered}\t{accepted}\t{ep.source}\t{alerts}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    registers = subparsers.add_parser("registers", help="the registers kept beside the returns")
    sub = registers.add_subparsers(dest="registers_command", required=True, metavar="COMMAND")
    p = sub.add_parser("import", help="import a register from an .xlsx or .csv file (bad "
                       "rows are quarantined, the others imported)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("file")
    p.add_argument("--user", help="who is importing (default: the login name)")
    p.set_defaults(handler=import_register)
    p = sub.add_parser("list", help="every entry of a register with its alerts (access-logged)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--user", help="who is asking, for the access log (default: the login "
                   "name)")
    p.add_argument("--include-restricted", action="store_true",
                   help="print restricted records in full")
    p.set_defaults(handler=list_register)
