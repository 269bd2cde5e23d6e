"""Committee papers from the command line, for scheduled runs (`report` is the older name
of the same command and still works):

    csc-insight committee performance|appendix|plan|audit|agenda --period 2019-20-Q3
        --meeting 2020-02-10 --format docx|pdf|html --out FILE [--plan ID] [--round ID]
        [--snapshot ID]
    csc-insight committee missing|missing-appendix --term 2019-09-01:2019-12-31 --meeting ...
    csc-insight committee providers-annual|safeguarding-annual|lado-annual|
        private-fostering-annual|iro-annual --year 2019-20 --meeting ...
    csc-insight committee virtual-school-annual --year 2019-20 --meeting ...  (school year)

A saved draft for the same paper and meeting supplies the narrative (and its snapshot);
without one the paper is built with the default narrative from the current snapshot.
`agenda` lists every draft saved for the meeting. The registers' papers are those in
registers/paper_registry.py (the web page offers the same): `missing --term START:END`
(termly) and its non-public appendix `missing-appendix`; `providers-annual`,
`safeguarding-annual`, `lado-annual`, `private-fostering-annual` and `iro-annual` with
`--year 2019-20` (the financial year); `virtual-school-annual` with `--year 2019-20` (the
school year, September to August).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from csc_insight.registers.paper_registry import BY_KIND as REGISTER_PAPERS

KINDS = ("performance", "appendix", "plan", "audit", "agenda", *REGISTER_PAPERS)


def paper(args: argparse.Namespace) -> int:
    from csc_insight.cli import database

    database.ready()
    from csc_insight.committee import services
    from csc_insight.committee.models import Draft
    from csc_insight.reports.render import ConversionError

    meeting = date.fromisoformat(args.meeting)
    if args.kind in REGISTER_PAPERS:
        return _register_paper(args, meeting)
    try:
        if args.kind == "agenda":
            paper = services.agenda_for(meeting)
        else:
            if args.kind in ("performance", "appendix") and not args.period:
                print("--period is needed for this paper.", file=sys.stderr)
                return 2
            plan_id = args.plan if args.kind == "plan" else None
            round_id = args.round if args.kind == "audit" else None
            if (args.kind == "plan" and plan_id is None) or (
                args.kind == "audit" and round_id is None
            ):
                print(
                    f"--{'plan' if args.kind == 'plan' else 'round'} ID is needed.", file=sys.stderr
                )
                return 2
            period = args.period or ""
            draft = services.find(args.kind, meeting, period, plan_id, round_id) or Draft(
                kind=args.kind,
                meeting=meeting,
                period=period,
                plan_id=plan_id,
                audit_round=round_id,
            )
            if args.snapshot:
                draft.snapshot_id = args.snapshot
            paper = services.build(draft)
        path = services.write(paper, args.format, Path(args.out))
    except (services.PaperError, ConversionError, ValueError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{path}\t{paper.classification}\t{paper.provenance}")
    return 0


def _register_paper(args: argparse.Namespace, meeting: date) -> int:
    """A register's paper (registers/paper_registry.py) for `--year` or `--term`."""
    from csc_insight.registers.paper_registry import TERM, PaperChoiceError
    from csc_insight.reports.render import ConversionError, write

    entry = REGISTER_PAPERS[args.kind]
    option = "--term" if entry.chooses == TERM else "--year"
    given = args.term if entry.chooses == TERM else args.year
    if not given:
        example = "START:END, yyyy-mm-dd" if entry.chooses == TERM else "2019-20"
        print(f"{option} ({example}) is needed for this paper.", file=sys.stderr)
        return 2
    try:
        paper = entry.build(entry.read(given), meeting, args.snapshot)
        path = write(paper, args.format, Path(args.out))
    except (PaperChoiceError, ConversionError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{path}\t{paper.classification}\t{paper.provenance}")
    return 0


def demo_papers(args: argparse.Namespace) -> int:
    from csc_insight.cli import database

    database.migrate()  # it writes drafts
    from csc_insight.committee.demo import create_demo_drafts
    from csc_insight.store.snapshots import SnapshotError

    try:
        drafts = create_demo_drafts()
    except SnapshotError as missing:
        print(missing, file=sys.stderr)
        return 1
    for draft in drafts:
        print(f"{draft.pk}\t{draft.get_kind_display()}\t{draft.meeting:%d %B %Y}\t{draft.period}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo-papers",
        help="create the demo's committee paper drafts for the meeting after the data end",
    )
    p.set_defaults(handler=demo_papers)
    parser = subparsers.add_parser(
        "committee", aliases=["report"], help="write a committee paper or agenda"
    )
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--period", help="e.g. 2019-20-Q3 (performance and appendix)")
    parser.add_argument("--meeting", required=True, help="meeting date, yyyy-mm-dd")
    parser.add_argument("--format", choices=("docx", "pdf", "html"), default="docx")
    parser.add_argument("--out", required=True, help="file to write")
    parser.add_argument("--plan", type=int, help="plan id (plan)")
    parser.add_argument("--round", type=int, help="audit round id (audit)")
    parser.add_argument("--snapshot", help="snapshot id (default: the draft's, or current)")
    parser.add_argument("--term", help="termly register papers: the term as START:END (yyyy-mm-dd)")
    parser.add_argument(
        "--year",
        help="annual register papers: the financial year, e.g. 2019-20 "
        "(virtual-school-annual: the school year, September to August)",
    )
    parser.set_defaults(handler=paper)
