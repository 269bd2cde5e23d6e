"""Audit commands: `audits sample --quarter 2019-20-Q3 [--per-worker 3 --workers 3]
[--theme ID] [--include-recent] [--format table|json]` prints the proposed sample with the
reason each case was chosen; `audits demo` creates one completed round for the demo."""

from __future__ import annotations

import argparse
import json
import sys


def sample(args: argparse.Namespace) -> int:
    from csc_insight.audits.sampling import SampleError, SampleOptions
    from csc_insight.cli import database
    from csc_insight.store.snapshots import SnapshotError

    database.ready()  # the audit history lives in the application database
    from csc_insight.audits.services import propose

    options = SampleOptions(
        per_worker=args.per_worker,
        workers=args.workers,
        include_recent=args.include_recent,
        theme=args.theme,
    )
    try:
        proposal, snapshot_id = propose(args.quarter, options)
    except (SampleError, SnapshotError, ValueError) as refused:
        print(refused, file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps({"snapshot": snapshot_id, **proposal.to_dict()}, indent=2))
        return 0
    c = proposal.coverage
    print(
        f"{proposal.quarter}: {len(proposal.chosen)} cases from {c.open_cases} open at "
        f"{proposal.as_at:%d/%m/%Y} ({c.never_audited} never audited, "
        f"{c.audited_in_two_years} audited in the last two years, {c.unallocated} with no "
        f"allocated worker and not sampled); load {snapshot_id}"
    )
    print("child_id\tcase_type\tworker\treason")
    for row in proposal.chosen:
        print(
            f"{row.child_id}\t{row.case_type or 'not open'}\t{row.worker or 'unallocated'}\t"
            f"{row.reason}"
        )
    return 0


def demo(args: argparse.Namespace) -> int:
    from csc_insight.cli import database

    database.migrate()  # it writes a round
    from csc_insight.audits.demo import create_demo_round
    from csc_insight.store.snapshots import SnapshotError

    try:
        round_ = create_demo_round()
    except SnapshotError as missing:
        print(missing, file=sys.stderr)
        return 1
    print(f"{round_.pk}\t{round_.title}\t{round_.cases.count()} cases")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    audits = subparsers.add_parser("audits", help="case-file audits")
    sub = audits.add_subparsers(dest="audits_command", required=True, metavar="COMMAND")
    p = sub.add_parser("sample", help="propose a round's sample from the current load")
    p.add_argument("--quarter", required=True, help="for example 2019-20-Q3")
    p.add_argument("--per-worker", type=int, default=3)
    p.add_argument("--workers", type=int, default=3)
    p.add_argument("--theme", help="an indicator id: a thematic sample")
    p.add_argument(
        "--include-recent", action="store_true", help="allow cases audited in the last 12 months"
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(handler=sample)
    p = sub.add_parser("demo", help="create one completed audit round from the current load")
    p.set_defaults(handler=demo)
