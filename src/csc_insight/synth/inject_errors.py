"""`synth --inject-errors N`: plant N realistic errors of varied DfE rules in a written
dataset, and list them in `injected_errors.csv` (rule,file,row,child) beside the data.

Each error is one edited cell in one SSDA903 CSV row (row as Excel shows it: header = 1)
that the named rule in `validation/rules/` flags for the collection year of the data's last
31 March: a sector-only postcode (392c), an ACCOM without a suffix the DfE allows (133),
health promotion filled for a child of 5 or over (546) or blank for one under 5 (545), a
UPN 'unknown' code outside UN1-UN10 for a child whose only Header-like row is header.csv
(168).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import numpy as np

Row = dict[str, str]


def _read(path: Path) -> tuple[list[str], list[Row]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[Row]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _dob(row: Row) -> date:
    return datetime.strptime(row["DOB"], "%d/%m/%Y").date()


def _five_by(row: Row, year_end: date) -> bool:
    """Aged 5 or over at `year_end`."""
    dob = _dob(row)
    return (year_end.year - dob.year - ((year_end.month, year_end.day) < (dob.month, dob.day))) >= 5


def _census_children(out: Path) -> set[str]:
    ids: set[str] = set()
    for path in out.glob("cin_census_*.xml"):
        ids |= set(
            re.findall(r"<LAchildID>\s*([^<\s]+)\s*</LAchildID>", path.read_text(encoding="utf-8"))
        )
    return {i.upper() for i in ids}


def inject(out: Path, n: int, seed: int = 1) -> list[dict[str, object]]:
    """Plant `n` errors in the dataset under `out`; returns (and writes) what was planted."""
    rng = np.random.default_rng(seed + 15)
    tables = {
        name: _read(out / name) for name in ("episodes.csv", "oc3.csv", "oc2.csv", "header.csv")
    }
    last_year = max(int(r["YEAR"]) for r in tables["oc2.csv"][1] + tables["oc3.csv"][1])
    year_end = date(last_year, 3, 31)
    # The children row keeps the lineage of the source ranking first (store/merge.py): the
    # census, then uasc.csv before header.csv; plant UPN errors where header.csv is it.
    in_census = _census_children(out) | {r["CHILD"].upper() for r in _read(out / "uasc.csv")[1]}

    def postcode(r: Row) -> None:
        r["HOME_POST"] = r["HOME_POST"][:-2]

    def accom(r: Row) -> None:
        r["ACCOM"] = "S1"

    def check_on(r: Row) -> None:
        r["HEALTH_CHECK"] = "1"

    def check_off(r: Row) -> None:
        r["HEALTH_CHECK"] = ""

    def upn(r: Row) -> None:
        r["UPN"] = "UN11"

    kinds: list[tuple[str, str, Callable[[Row], bool], Callable[[Row], None]]] = [
        ("903_392c", "episodes.csv", lambda r: len(r["HOME_POST"]) >= 6, postcode),
        ("903_133", "oc3.csv", lambda r: int(r["YEAR"]) == last_year, accom),
        (
            "903_546",
            "oc2.csv",
            lambda r: (
                int(r["YEAR"]) == last_year and not r["HEALTH_CHECK"] and _five_by(r, year_end)
            ),
            check_on,
        ),
        (
            "903_545",
            "oc2.csv",
            lambda r: (
                int(r["YEAR"]) == last_year
                and r["HEALTH_CHECK"] != ""
                and not _five_by(r, year_end)
            ),
            check_off,
        ),
        ("903_168", "header.csv", lambda r: r["CHILD"].upper() not in in_census, upn),
    ]
    planted: list[dict[str, object]] = []
    used: set[tuple[str, int]] = set()
    for i in range(n):
        for attempt in range(len(kinds)):
            rule, file, eligible, edit = kinds[(i + attempt) % len(kinds)]
            rows = tables[file][1]
            choices = [k for k, r in enumerate(rows) if (file, k) not in used and eligible(r)]
            if choices:
                break
        else:
            raise ValueError(f"only {len(planted)} errors could be planted in {out}")
        k = int(rng.choice(choices))
        used.add((file, k))
        edit(rows[k])
        planted.append({"rule": rule, "file": file, "row": k + 2, "child": rows[k]["CHILD"]})
    for file, (fields, rows) in tables.items():
        if any(p["file"] == file for p in planted):
            _write(out / file, fields, rows)
    with (out / "injected_errors.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(
            fh, fieldnames=["rule", "file", "row", "child"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(planted)
    return planted
