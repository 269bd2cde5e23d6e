"""`synth --inject-errors N`: plant N realistic errors of varied DfE rules in a written
dataset, and list them in `injected_errors.csv` (rule,file,row,child) beside the data.

Each error is one edited value that the named rule in `validation/rules/` flags for the
collection year of the data's last 31 March, and nothing else does. In the SSDA903 CSVs
(row as Excel shows it: header = 1): a sector-only postcode (392c), an ACCOM without a
suffix the DfE allows (133), health promotion filled for a child of 5 or over (546) or
blank for one under 5 (545), a UPN 'unknown' code outside UN1-UN10 for a child whose only
Header-like row is header.csv (168). In the last CIN census XML (row: the line of the
CINdetails): the ReasonForClosure of an episode closed that year, before the Annex A
window, taken out (8805). In
Annex A List 1 (annex_a.xlsx, Excel row): a Date of Contact a month before the child's date
of birth (AA02). Kinds take turns; one error per row, and at most one per child in a file
whose rows share a line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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


@dataclass(frozen=True)
class Site:
    """One place an error can be planted: where the rule will report it, and the edit."""

    file: str
    row: int
    child: str
    edit: Callable[[], None]


def _census_sites(out: Path, year_end: date, edits: dict[str, list]) -> list[Site]:
    """CINdetails closed in the last census year: take out their ReasonForClosure (8805).
    An episode closed that year was open (no reason) in any earlier year's file; one closed
    before September is in neither Annex A List 3 nor List 6 (the six months before 31
    March), whose reason the snapshot would otherwise take (store/merge.py)."""
    path = out / f"cin_census_{year_end.year}.xml"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    sites = []
    for child in re.finditer(r"<Child>.*?</Child>", text, re.DOTALL):
        ident = re.search(r"<LAchildID>\s*([^<\s]+)", child[0])
        for details in re.finditer(r"<CINdetails>.*?</CINdetails>", child[0], re.DOTALL):
            closed = re.search(r"<CINclosureDate>(\d{4}-\d{2}-\d{2})<", details[0])
            reason = re.search(r"<ReasonForClosure>[^<]*</ReasonForClosure>", details[0])
            if not (ident and closed and reason):
                continue
            if (
                not date(year_end.year - 1, 4, 1)
                <= date.fromisoformat(closed[1])
                < date(year_end.year - 1, 9, 1)
            ):
                continue
            at = child.start() + details.start()
            span = (at + reason.start(), at + reason.end())
            sites.append(
                Site(
                    path.name,
                    text.count("\n", 0, at) + 1,
                    ident[1].upper(),
                    lambda span=span: edits.setdefault(path.name, []).append(span),
                )
            )
            break  # one episode per child: a census file's rows may share a line
    return sites


def _annexa_sites(out: Path, book: dict) -> list[Site]:
    """List 1 contacts of children with a date of birth: date the contact a month before
    it (AA02)."""
    path = out / "annex_a.xlsx"
    if not path.exists():
        return []
    import openpyxl

    book["wb"] = openpyxl.load_workbook(path)
    sheet = book["wb"]["List 1"]
    headings = [c.value for c in sheet[1]]
    child, dob, when = (
        headings.index(h) for h in ("Child Unique ID", "Date of Birth", "Date of Contact")
    )
    sites = []
    for number, cells in enumerate(sheet.iter_rows(min_row=2), start=2):
        if isinstance(cells[dob].value, datetime) and cells[child].value:

            def edit(cell=cells[when], born=cells[dob].value) -> None:
                cell.value = born - timedelta(days=30)

            sites.append(Site(path.name, number, str(cells[child].value), edit))
    return sites


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

    csv_kinds: list[tuple[str, str, Callable[[Row], bool], Callable[[Row], None]]] = [
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
    kinds: list[tuple[str, list[Site]]] = [
        (
            rule,
            [
                Site(file, k + 2, r["CHILD"], lambda r=r, edit=edit: edit(r))
                for k, r in enumerate(tables[file][1])
                if eligible(r)
            ],
        )
        for rule, file, eligible, edit in csv_kinds
    ]
    census_edits: dict[str, list[tuple[int, int]]] = {}
    book: dict = {}
    kinds.insert(2, ("cin_8805", _census_sites(out, year_end, census_edits)))
    kinds.insert(4, ("annexa_AA02", _annexa_sites(out, book)))
    planted: list[dict[str, object]] = []
    used: set[tuple[str, int]] = set()
    for i in range(n):
        for attempt in range(len(kinds)):
            rule, sites = kinds[(i + attempt) % len(kinds)]
            choices = [s for s in sites if (s.file, s.row, s.child) not in used]
            if choices:
                break
        else:
            raise ValueError(f"only {len(planted)} errors could be planted in {out}")
        site = choices[int(rng.integers(len(choices)))]
        used.add((site.file, site.row, site.child))
        site.edit()
        planted.append({"rule": rule, "file": site.file, "row": site.row, "child": site.child})
    for file, (fields, rows) in tables.items():
        if any(p["file"] == file for p in planted):
            _write(out / file, fields, rows)
    for file, spans in census_edits.items():
        text = (out / file).read_text(encoding="utf-8")
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + text[end:]
        (out / file).write_text(text, encoding="utf-8")
    if any(p["file"] == "annex_a.xlsx" for p in planted):
        book["wb"].save(out / "annex_a.xlsx")
    with (out / "injected_errors.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(
            fh, fieldnames=["rule", "file", "row", "child"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(planted)
    return planted
