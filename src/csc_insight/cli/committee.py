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
`agenda` lists every draft saved for the meeting. The registers' papers: `missing --term
START:END` (termly) and its non-public appendix `missing-appendix`; `providers-annual`,
`safeguarding-annual`, `lado-annual`, `private-fostering-annual` and `iro-annual` with
`--year 2019-20`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

KINDS = (
    "performance",
    "appendix",
    "plan",
    "audit",
    "agenda",
    "missing",
    "missing-appendix",
    "providers-annual",
    "safeguarding-annual",
    "lado-annual",
    "private-fostering-annual",
    "iro-annual",
    "virtual-school-annual",
)
ANNUAL = (
    "providers-annual",
    "safeguarding-annual",
    "lado-annual",
    "private-fostering-annual",
    "iro-annual",
)


def paper(args: argparse.Namespace) -> int:
    from csc_insight.cli import database

    database.ready()
    from csc_insight.committee import services
    from csc_insight.committee.models import Draft
    from csc_insight.reports.render import ConversionError

    meeting = date.fromisoformat(args.meeting)
    if args.kind in ("missing", "missing-appendix"):
        return _missing(args, meeting)
    if args.kind in ANNUAL:
        return _annual(args, meeting)
    if args.kind == "virtual-school-annual":
        return _virtual_school(args, meeting)
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


def _missing(args: argparse.Namespace, meeting: date) -> int:
    """The termly missing paper (registers/papers.py) or its non-public appendix
    (registers/missing_appendix.py), from the registers themselves."""
    from csc_insight.registers import cme
    from csc_insight.registers.missing_appendix import missing_appendix
    from csc_insight.registers.papers import missing_paper
    from csc_insight.reports.render import ConversionError, write

    if not args.term:
        print("--term START:END is needed for this paper.", file=sys.stderr)
        return 2
    try:
        build = missing_appendix if args.kind == "missing-appendix" else missing_paper
        paper = build(cme.parse_term(args.term), meeting)
        path = write(paper, args.format, Path(args.out))
    except (cme.TermError, ConversionError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{path}\t{paper.classification}\t{paper.provenance}")
    return 0


def _annual(args: argparse.Namespace, meeting: date) -> int:
    """An annual register paper for `--year`: providers (registers/providers_paper.py),
    safeguarding champions (safeguarding_paper.py), LADO and private fostering
    (annual_papers.py), the IRO service (iro_paper.py)."""
    from csc_insight.registers.annual_papers import lado_paper, private_fostering_paper
    from csc_insight.registers.iro_paper import iro_paper
    from csc_insight.registers.providers_paper import providers_paper
    from csc_insight.registers.safeguarding_paper import safeguarding_paper
    from csc_insight.registers.years import YearError, parse_year
    from csc_insight.reports.render import ConversionError, write

    if not args.year:
        print("--year (e.g. 2019-20) is needed for this paper.", file=sys.stderr)
        return 2
    try:
        year = parse_year(args.year)
        if args.kind == "providers-annual":
            paper = providers_paper(year, meeting, snapshot_id=args.snapshot)
        elif args.kind == "iro-annual":
            paper = iro_paper(year, meeting, snapshot_id=args.snapshot)
        else:
            build = {
                "safeguarding-annual": safeguarding_paper,
                "lado-annual": lado_paper,
                "private-fostering-annual": private_fostering_paper,
            }[args.kind]
            paper = build(year, meeting)
        path = write(paper, args.format, Path(args.out))
    except (YearError, ConversionError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{path}\t{paper.classification}\t{paper.provenance}")
    return 0


def _virtual_school(args: argparse.Namespace, meeting: date) -> int:
    """The Virtual School Headteacher's annual report for the school year `--year`
    (September to August; registers/virtual_school_paper.py)."""
    from csc_insight.registers.virtual_school import SchoolYearError, parse_school_year
    from csc_insight.registers.virtual_school_paper import virtual_school_paper
    from csc_insight.reports.render import ConversionError, write

    if not args.year:
        print("--year (e.g. 2019-20) is needed for this paper.", file=sys.stderr)
        return 2
    try:
        year = parse_school_year(args.year)
        paper = virtual_school_paper(year, meeting, snapshot_id=args.snapshot)
        path = write(paper, args.format, Path(args.out))
    except (SchoolYearError, ConversionError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{path}\t{paper.classification}\t{paper.provenance}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
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
    parser.add_argument("--term", help="missing: the term as START:END (yyyy-mm-dd)")
    parser.add_argument(
        "--year",
        help="the *-annual papers: the financial year, e.g. 2019-20 "
        "(virtual-school-annual: the school year, September to August)",
    )
    parser.set_defaults(handler=paper)
