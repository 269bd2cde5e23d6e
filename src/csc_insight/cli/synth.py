"""`csc-insight synth`: write a synthetic dataset in the real return formats."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("synth", help="write a deterministic synthetic dataset")
    p.add_argument("--profile", choices=["city", "borough", "england"], default="city")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--start",
        type=date.fromisoformat,
        default=date(2017, 4, 1),
        help="first day (yyyy-mm-dd), default 2017-04-01",
    )
    p.add_argument(
        "--end",
        type=date.fromisoformat,
        default=date(2020, 3, 31),
        help="last day (yyyy-mm-dd), default 2020-03-31",
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument(
        "--annex-a-style",
        choices=["short", "ofsted", "codes"],
        default="short",
        help="Annex A headings and codes: short headings (default), Ofsted's "
        "long headings and lettered drop-downs, or bare codes",
    )
    p.add_argument(
        "--inject-errors",
        type=int,
        default=0,
        metavar="N",
        help="plant N errors of varied DfE rules and list them in "
        "injected_errors.csv (rule,file,row,child) beside the data",
    )
    p.add_argument(
        "--ssda903-form",
        choices=["csv", "xml"],
        default="csv",
        help="the SSDA903 return as one CSV per table (default) or one XML file",
    )
    p.add_argument(
        "--registers-out",
        type=Path,
        metavar="DIR",
        help="also write the registers' files (missing, missing education, LADO, private "
        "fostering and its awareness activity, providers, safeguarding champions, the "
        "Virtual School's six files) here, for "
        "`registers import`; keep it out of --out, which `load` reads whole",
    )
    p.set_defaults(handler=cmd_synth)


def cmd_synth(args: argparse.Namespace) -> int:
    from csc_insight.synth import generate, write

    if args.inject_errors and args.ssda903_form != "csv":
        print(
            "--inject-errors plants its errors in the SSDA903 CSVs: use --ssda903-form csv",
            file=sys.stderr,
        )
        return 2

    world = generate(args.profile, args.seed, args.start, args.end, progress=True)
    paths = write(
        world,
        args.out,
        progress=True,
        annex_a_style=args.annex_a_style,
        ssda903_form=args.ssda903_form,
    )
    print(f"Wrote {len(paths)} files to {args.out}")
    if args.inject_errors:
        from csc_insight.synth.inject_errors import inject

        planted = inject(args.out, args.inject_errors, args.seed)
        print(f"Planted {len(planted)} errors: {args.out / 'injected_errors.csv'}")
    if args.registers_out:
        from csc_insight.synth.write_registers import write_registers

        written = write_registers(world, args.registers_out)
        print(f"Wrote {len(written)} register files to {args.registers_out}")
    return 0
