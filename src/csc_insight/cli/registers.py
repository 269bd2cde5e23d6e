"""Register commands: `registers import KIND FILE` and `registers list KIND` (the kinds
`missing`, children missing from home and care; `cme`, children missing education, with
`--term`; `providers`, fostering agencies and children's homes, and `champions`, the
safeguarding champions with their assurance returns and training; `lado`, allegations about
adults who work with children; `private-fostering`, and its awareness activity imported as
`private-fostering-awareness`; `iro`, the IRO service's escalations and contacts, each
file known by its headings; `virtual-school`, the Virtual School's children, any of its
files), and `registers publish`, which writes the registers for the indicators (done after
every change anyway). A thin layer over `csc_insight.registers`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from csc_insight.cli import database

KINDS = [
    "missing",
    "cme",
    "providers",
    "champions",
    "lado",
    "private-fostering",
    "iro",
    "virtual-school",
]
IMPORT_KINDS = [*KINDS, "private-fostering-awareness"]


def import_register(args: argparse.Namespace) -> int:
    database.prepare(writes=True)
    from csc_insight.registers import (
        champions_import,
        cme_import,
        iro_import,
        lado_import,
        missing_import,
        private_fostering_import,
        providers_import,
        virtual_school_import,
    )

    path = Path(args.file)
    if not path.is_file():
        print(f"{path}: no such file.", file=sys.stderr)
        return 1
    username = args.user or getpass.getuser()
    importer = {
        "missing": missing_import.import_file,
        "cme": cme_import.import_file,
        "providers": providers_import.import_file,
        "champions": champions_import.import_file,
        "lado": lado_import.import_file,
        "private-fostering": private_fostering_import.import_file,
        "private-fostering-awareness": private_fostering_import.import_awareness,
        "iro": iro_import.import_file,
        "virtual-school": virtual_school_import.import_file,
    }[args.kind]
    result = importer(path, username)
    for issue in result.report.errors:
        print(
            f"{issue.where()}: {issue.message}"
            + (f" (found {issue.value!r})" if issue.value else ""),
            file=sys.stderr,
        )
    if not result.read:
        print("Nothing was imported.", file=sys.stderr)
        return 1
    print(
        f"{result.created} added, {result.updated} updated, {len(result.quarantined)} quarantined"
    )
    return 0


def list_register(args: argparse.Namespace) -> int:
    database.prepare()
    if args.kind == "cme":
        return _list_cme(args)
    if args.kind == "virtual-school":
        from csc_insight.cli.registers_virtual_school import list_virtual_school

        return list_virtual_school(args)
    if args.kind in ("providers", "champions"):
        from csc_insight.registers.listing import champions_lines, providers_lines

        print("\n".join(providers_lines() if args.kind == "providers" else champions_lines()))
        return 0
    if args.kind == "iro":
        from csc_insight.cli.registers_iro import list_iro

        return list_iro(args)
    if args.kind in ("lado", "private-fostering"):
        from csc_insight.cli import registers_annual

        return (
            registers_annual.list_lado(args)
            if args.kind == "lado"
            else (registers_annual.list_fostering(args))
        )
    from csc_insight.registers import missing
    from csc_insight.registers.services import missing_for_command

    view, masked = missing_for_command(args.user or getpass.getuser(), args.include_restricted)
    if view.loaded_count is None:
        print("No returns loaded: the register's entries only.", file=sys.stderr)
    print("child\tstart\tfrom\treturned\trhi_offered\trhi_accepted\tsource\talerts")
    for ep in view.episodes:
        if ep.child_id in masked:
            print("Restricted record")
            continue
        offered = (
            ep.rhi_offered_on.isoformat()
            if ep.rhi_offered_on
            else {True: "yes", False: "no"}.get(ep.rhi_offered, "")
        )  # type: ignore[arg-type]
        accepted = {True: "yes", False: "no"}.get(ep.rhi_accepted, "")  # type: ignore[arg-type]
        alerts = "; ".join(missing.ALERTS[a] for a in ep.alerts)
        print(
            f"{ep.child_id}\t{ep.start.isoformat()}\t{ep.missing_from}\t"
            f"{ep.returned_on.isoformat() if ep.returned_on else 'still missing'}\t"
            f"{offered}\t{accepted}\t{ep.source}\t{alerts}"
        )
    return 0


def publish_registers(args: argparse.Namespace) -> int:
    """`registers publish`: write $CSC_INSIGHT_HOME/registers.duckdb from the registers
    (registers/bridge.py), e.g. after restoring the database from a backup."""
    database.prepare(writes=True)
    from csc_insight.registers.bridge import kept, publish
    from csc_insight.store import register_tables

    changed = publish()
    print(
        f"{register_tables.path()}\t{'written' if changed else 'unchanged'}\tkept: "
        + (", ".join(sorted(kept())) or "none")
    )
    return 0


def _list_cme(args: argparse.Namespace) -> int:
    from csc_insight.registers import cme
    from csc_insight.registers.services import cme_for_command, current_term

    try:
        term = cme.parse_term(args.term) if args.term else current_term()
    except cme.TermError as bad:
        print(bad, file=sys.stderr)
        return 2
    view, masked = cme_for_command(args.user or getpass.getuser(), term, args.include_restricted)
    print("child\tcategory\tfrom\tuntil\tattendance\tsocial care")
    for entry, service in view.entries:
        if entry.child_id in masked:
            print("Restricted record")
            continue
        care = service or ("" if view.services_known else "no data")
        print(
            f"{entry.child_id}\t{entry.category}\t{entry.start.isoformat()}\t"
            f"{entry.end.isoformat() if entry.end else ''}\t"
            f"{'' if entry.attendance is None else f'{entry.attendance:g}%'}\t{care}"
        )
    print()
    print("\n".join(cme.report_lines(view.counts)))
    print(cme.summary(view.counts))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    registers = subparsers.add_parser("registers", help="the registers kept beside the returns")
    sub = registers.add_subparsers(dest="registers_command", required=True, metavar="COMMAND")
    p = sub.add_parser(
        "import",
        help="import a register from an .xlsx or .csv file (bad "
        "rows are quarantined, the others imported)",
    )
    p.add_argument("kind", choices=IMPORT_KINDS)
    p.add_argument("file")
    p.add_argument("--user", help="who is importing (default: the login name)")
    p.set_defaults(handler=import_register)
    p = sub.add_parser("list", help="every entry of a register with its alerts (access-logged)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--user", help="who is asking, for the access log (default: the login name)")
    p.add_argument(
        "--include-restricted", action="store_true", help="print restricted records in full"
    )
    p.add_argument(
        "--term", help="cme: the term as START:END (yyyy-mm-dd), default the current school term"
    )
    p.set_defaults(handler=list_register)
    p = sub.add_parser(
        "publish",
        help="write the registers for the indicators now (done after every change anyway)",
    )
    p.set_defaults(handler=publish_registers)
