"""A copy of a generated dataset with a fraction of its rows made bad on purpose, for the
quarantine benchmark: in every CSV and CIN census file, that fraction of records gets an
impossible date (31 February), which the loader sets aside in quarantine rather than
refusing the load. The Annex A workbook is copied as it is.

    python bench/bad_rows.py SRC DST [--fraction 0.001] [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
import sys
from pathlib import Path

UK_DATE = re.compile(r"\d{2}/\d{2}/\d{4}")
XML_DATE = re.compile(rb"<(\w*Date)>\d{4}-\d{2}-\d{2}</\1>")


def _csv(src: Path, dst: Path, fraction: float, rng: random.Random) -> int:
    planted = 0
    with src.open(newline="", encoding="utf-8-sig") as fin:
        rows = list(csv.reader(fin))
    for row in rows[1:]:
        if rng.random() >= fraction:
            continue
        for i, cell in enumerate(row):
            if UK_DATE.fullmatch(cell):
                row[i] = "31/02/" + cell[-4:]
                planted += 1
                break
    with dst.open("w", newline="", encoding="utf-8") as fout:
        csv.writer(fout).writerows(rows)
    return planted


def _xml(src: Path, dst: Path, fraction: float, rng: random.Random) -> int:
    planted = 0

    def spoil(match: re.Match[bytes]) -> bytes:
        nonlocal planted
        if rng.random() >= fraction:
            return match.group(0)
        planted += 1
        tag = match.group(1)
        return b"<" + tag + b">2019-02-31</" + tag + b">"

    dst.write_bytes(XML_DATE.sub(spoil, src.read_bytes()))
    return planted


def make_bad_copy(src: Path, dst: Path, fraction: float, seed: int = 1) -> int:
    """Copy `src` to `dst` with about `fraction` of CSV rows and CIN dates made bad;
    returns how many values were spoiled."""
    rng = random.Random(seed)
    planted = 0
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        target = dst / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".csv":
            planted += _csv(path, target, fraction, rng)
        elif path.suffix.lower() == ".xml" and path.name.startswith("cin_census"):
            planted += _xml(path, target, fraction, rng)
        else:
            shutil.copyfile(path, target)
    return planted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    parser.add_argument("--fraction", type=float, default=0.001)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(make_bad_copy(args.src, args.dst, args.fraction, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
