"""Plan commands: `plans import FILE [--name NAME]`, `plans list`, `plans export PLAN`,
`plans demo` (the two example plans)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from csc_insight.cli import database


def _find(plan: str):  # type: ignore[no-untyped-def]
    from csc_insight.plans.models import Plan

    found = (
        Plan.objects.filter(pk=int(plan))
        if plan.isdigit()
        else Plan.objects.filter(name__iexact=plan)
    )
    return found.first()


def import_plan(args: argparse.Namespace) -> int:
    database.prepare(writes=True)
    from csc_insight.plans.services import import_file

    _, plan, report = import_file(Path(args.file), args.name)
    if plan is None:
        for issue in report.errors:
            print(
                f"{issue.where()}: {issue.message}"
                + (f" (found {issue.value!r})" if issue.value else ""),
                file=sys.stderr,
            )
        print("Nothing was imported.", file=sys.stderr)
        return 1
    print(f"{plan.pk}\t{plan.name}\t{plan.actions.count()} actions")
    return 0


def list_plans(args: argparse.Namespace) -> int:
    database.prepare()
    from csc_insight.plans import services
    from csc_insight.plans.models import Plan

    for plan in Plan.objects.all():
        glance = services.at_a_glance(plan, services.actions_of(plan), services.today())
        print(f"{plan.pk}\t{plan.name}\t{glance['completed']}\t{len(glance['overdue'])} overdue")
    return 0


def export_plan(args: argparse.Namespace) -> int:
    database.prepare()
    from csc_insight.plans.export_docx import write_docx
    from csc_insight.plans.export_xlsx import write_xlsx
    from csc_insight.plans.services import to_document

    plan = _find(args.plan)
    if plan is None:
        print(f"No plan {args.plan!r}: see `csc-insight plans list`.", file=sys.stderr)
        return 1
    writer = write_docx if args.format == "docx" else write_xlsx
    print(writer(to_document(plan), Path(args.out)))
    return 0


def demo(args: argparse.Namespace) -> int:
    database.prepare(writes=True)
    from csc_insight.plans.demo import create_demo_plans

    for plan in create_demo_plans():
        print(f"{plan.pk}\t{plan.name}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    plans = subparsers.add_parser("plans", help="improvement and action plans")
    sub = plans.add_subparsers(dest="plans_command", required=True, metavar="COMMAND")
    p = sub.add_parser("import", help="import a plan from an .xlsx or .csv table")
    p.add_argument("file")
    p.add_argument("--name", help="the plan's name (default: the file's Name row or name)")
    p.set_defaults(handler=import_plan)
    p = sub.add_parser("list", help="every plan with its progress")
    p.set_defaults(handler=list_plans)
    p = sub.add_parser("export", help="write a plan as DOCX or XLSX")
    p.add_argument("plan", help="the plan's number (see `plans list`) or exact name")
    p.add_argument("--format", choices=["docx", "xlsx"], required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(handler=export_plan)
    p = sub.add_parser("demo", help="create the two example plans")
    p.set_defaults(handler=demo)
