"""`csc-insight synth`: write a synthetic dataset in the real return formats."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("synth", help="write a deterministic synthetic dataset")
    p.add_argument("--profile", choices=["city", "borough", "england"], default="city")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--start", type=date.fromisoformat, default=date(2017, 4, 1),
                   help="first day (yyyy-mm-dd), default 2017-04-01")
    p.add_argument("--end", type=date.fromisoformat, default=date(2020, 3, 31),
                   help="last day (yyyy-mm-dd), default 2020-03-31")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument("--annex-a-style", choices=["short", "ofsted", "codes"], default="short",
                   help="Annex A headings and codes: short headings (default), Ofsted's "
                        "long headings and lettered drop-downs, or bare codes")
    p.add_argument("--ssda903-form", choices=["csv", "xml"], default="csv",
                   help="the SSDA903 return as one CSV per table (default) or one XML file")
    p.set_defaults(handler=cmd_synth)


def cmd_synth(args: argparse.Namespace) -> int:
    from csc_insight.synth import generate, write

    world = generate(args.profile, args.seed, args.start, args.end, progress=True)
    paths = write(world, args.out, progress=True, annex_a_style=args.annex_a_style,
                  ssda903_form=args.ssda903_form)
    print(f"Wrote {len(paths)} files to {args.out}")
    return 0
