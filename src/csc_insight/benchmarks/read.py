"""Read a directory of DfE published CSVs into one long table of published values.

Each output row is one published figure: indicator id, financial year, area, the value (or
the symbol DfE printed instead of it) and the release (file) it came from. Nothing is
written here; `store.py` decides where the table goes. Problems are reported through
`formats.report.Report`: a ragged or unreadable file is an error (the caller then writes
nothing), an unrecognised file or column is a warning.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csc_insight.benchmarks.regional import is_regional_file, read_regional
from csc_insight.benchmarks.sources import (
    MEASURES,
    SYMBOLS,
    Measure,
    Source,
    is_neighbour_file,
    source_for,
)
from csc_insight.common.report import Report, column_letter

ENGLAND = "E92000001"
LONDON = "E12000007"
_INNER_OUTER_LONDON = re.compile(r"^E13")
_LEVELS = {"National", "Regional", "Local authority"}
_SN_COLUMN = re.compile(r"^SN_?(\d{1,2})$", re.IGNORECASE)

# The columns of the long table, in order (store.py writes them with these types).
COLUMNS = (
    "indicator_id",
    "year",
    "level",
    "area_code",
    "old_la_code",
    "area_name",
    "region_code",
    "region_name",
    "value",
    "status",
    "release",
    "release_year",
)
NEIGHBOUR_COLUMNS = ("old_la_code", "rank", "neighbour_old_la_code", "release")


@dataclass
class FileSummary:
    """What one file gave: shown to the user after `benchmarks load`."""

    file: str
    kind: str  # 'published', 'neighbours', 'unused' (a DfE file no indicator reads), 'unknown'
    rows: int = 0
    years: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)


@dataclass
class ReadResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    neighbours: list[dict[str, Any]] = field(default_factory=list)
    files: list[FileSummary] = field(default_factory=list)
    report: Report = field(default_factory=Report)


def financial_year(time_period: str, offset: int = 0) -> str | None:
    """'2020' (DfE's year ending 31 March 2020) or '201920' -> '2019-20'; None if neither."""
    text = time_period.strip()
    if re.fullmatch(r"\d{4}", text):
        end = int(text)
    elif re.fullmatch(r"\d{6}", text) and int(text[4:]) == (int(text[:4]) + 1) % 100:
        end = int(text[:4]) + 1
    else:
        return None
    end += offset
    return f"{end - 1}-{end % 100:02d}"


def normalise_year(year: str) -> str | None:
    """A financial year as the API takes it ('2019-20', '2019/20', '201920') -> '2019-20'."""
    match = re.fullmatch(r"(\d{4})[-/]?(\d{2})", year.strip())
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        return None
    return f"{match[1]}-{match[2]}"


def parse_cell(raw: str) -> tuple[float | None, str | None] | None:
    """(value, None) for a number, (None, symbol) for a DfE symbol, None for an empty cell."""
    text = raw.strip()
    if not text:
        return None
    try:
        return float(text.replace(",", "")), None
    except ValueError:
        return None, text


def read_dir(directory: Path) -> ReadResult:
    """Read every file in `directory` (not recursive), recognising DfE files by name."""
    result = ReadResult()
    for path in sorted(p for p in directory.iterdir() if p.is_file()):
        _read_file(path, result)
    return result


def _read_file(path: Path, result: ReadResult) -> None:
    name = path.name
    if is_regional_file(name):
        rows = read_regional(path, result.report)
        result.files.append(FileSummary(name, "regional", len(rows)))
        result.rows.extend(rows)
        return
    if is_neighbour_file(name):
        summary = FileSummary(name, "neighbours")
        result.files.append(summary)
        _read_neighbours(path, summary, result)
        return
    source = source_for(name)
    if source is None:
        result.files.append(FileSummary(name, "unknown"))
        result.report.warning(
            "unknown_file",
            name,
            "not a DfE file this loader recognises (see benchmarks/README.md for the files "
            "it reads); skipped",
        )
        return
    measures = [m for m in MEASURES if m.source == source.key]
    if not measures:
        result.files.append(FileSummary(name, "unused"))
        return
    summary = FileSummary(name, "published")
    result.files.append(summary)
    _read_published(path, source, measures, summary, result)


def _rows(path: Path, report: Report) -> tuple[list[str], list[list[str]]] | None:
    """Header and data rows of a CSV; None (with an error reported) if it is ragged/unreadable."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            lines = list(csv.reader(handle, strict=True))
    except (UnicodeDecodeError, csv.Error) as exc:
        report.error("unreadable_file", path.name, f"cannot read this file as CSV: {exc}")
        return None
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    if not lines:
        report.error("empty_file", path.name, "the file is empty")
        return None
    header = [h.strip() for h in lines[0]]
    for number, line in enumerate(lines[1:], start=2):
        if len(line) != len(header):
            report.error(
                "ragged_row",
                path.name,
                f"expected {len(header)} fields as in the header, found {len(line)}: the file "
                "is truncated or damaged; download it again",
                row=number,
            )
            return None
    return header, lines[1:]


def _read_published(
    path: Path,
    source: Source,
    measures: list[Measure],
    summary: FileSummary,
    result: ReadResult,
) -> None:
    report = result.report
    parsed = _rows(path, report)
    if parsed is None:
        return
    raw_header, lines = parsed
    header = [source.aliases.get(h, h) for h in raw_header]
    known = source.known_columns()
    for index, column in enumerate(raw_header):
        if column and column not in known:
            report.warning(
                "unknown_column",
                path.name,
                f"column '{column}' is not one this loader knows for this file; ignored",
                column=column,
                column_letter=column_letter(index),
            )
    index = {name: i for i, name in enumerate(header)}
    for required in ("time_period", "geographic_level"):
        if required not in index:
            report.error("missing_column", path.name, f"no '{required}' column", column=required)
            return
    usable = []
    for measure in measures:
        needed = [measure.column, *(c for c, _ in measure.filters)]
        missing = [c for c in needed if c not in index]
        if missing:
            # Normal between releases (b1 dropped its rate column in 2025): say so, go on.
            report.warning(
                "measure_not_in_release",
                path.name,
                f"{measure.indicator_id}: column '{missing[0]}' is not in this release; "
                "this indicator gets no values from this file",
                column=missing[0],
            )
        else:
            usable.append(measure)

    def cell(line: list[str], column: str) -> str:
        return line[index[column]].strip() if column in index else ""

    # Which release is newer, when two give the same figure: the one reaching the later year.
    periods = (cell(line, "time_period")[:4] for line in lines)
    max_year = max((int(p) for p in periods if p.isdigit()), default=0)
    years: set[str] = set()
    found: set[str] = set()
    for number, line in enumerate(lines, start=2):
        level = cell(line, "geographic_level")
        if level not in _LEVELS:
            continue
        year = financial_year(cell(line, "time_period"), source.year_offset)
        if year is None:
            report.warning(
                "bad_time_period",
                path.name,
                "time_period is not a year (2020) or a financial year (201920); row skipped",
                row=number,
                column="time_period",
                value=cell(line, "time_period"),
            )
            continue
        area = _area(level, {c: cell(line, c) for c in index})
        for measure in usable:
            if any(cell(line, c) != v for c, v in measure.filters):
                continue
            parsed_cell = parse_cell(cell(line, measure.column))
            if parsed_cell is None:
                continue
            value, status = parsed_cell
            if status is not None and status.lower() not in SYMBOLS:
                report.warning(
                    "unknown_symbol",
                    path.name,
                    f"'{status}' is neither a number nor a DfE symbol (c, z, x, k, low, u, :); "
                    "kept as published",
                    row=number,
                    column=measure.column,
                    value=status,
                )
            result.rows.append(
                {
                    "indicator_id": measure.indicator_id,
                    "year": year,
                    **area,
                    "value": value,
                    "status": status,
                    "release": path.name,
                    "release_year": max_year,
                }
            )
            summary.rows += 1
            years.add(year)
            found.add(measure.indicator_id)
    summary.years = sorted(years)
    summary.measures = [m.indicator_id for m in measures if m.indicator_id in found]


def _area(level: str, row: dict[str, str]) -> dict[str, str | None]:
    """Area columns of the long table; an LA's region is London for Inner/Outer London."""
    region_code = row.get("region_code") or None
    region_name = row.get("region_name") or None
    if level == "National":
        return {
            "level": level,
            "area_code": row.get("country_code") or ENGLAND,
            "old_la_code": None,
            "area_name": row.get("country_name") or "England",
            "region_code": None,
            "region_name": None,
        }
    if level == "Regional":
        return {
            "level": level,
            "area_code": region_code,
            "old_la_code": None,
            "area_name": region_name,
            "region_code": None,
            "region_name": None,
        }
    if region_code and _INNER_OUTER_LONDON.match(region_code):
        region_code, region_name = LONDON, "London"
    return {
        "level": level,
        "area_code": row.get("new_la_code") or None,
        "old_la_code": row.get("old_la_code") or None,
        "area_name": row.get("la_name") or None,
        "region_code": region_code,
        "region_name": region_name,
    }


def _read_neighbours(path: Path, summary: FileSummary, result: ReadResult) -> None:
    """Both layouts: the April 2021 groupings ('LA num', SN1..SN10) and sn_model (SN_1..)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            lines = [x for x in csv.reader(handle, strict=True) if any(c.strip() for c in x)]
    except (UnicodeDecodeError, csv.Error) as exc:
        result.report.error("unreadable_file", path.name, f"cannot read this file as CSV: {exc}")
        return
    if not lines:
        result.report.error("empty_file", path.name, "the file is empty")
        return
    header = [h.strip() for h in lines[0]]
    ranks = {i: int(m[1]) for i, h in enumerate(header) if (m := _SN_COLUMN.match(h))}
    if sorted(ranks.values()) != list(range(1, 11)):
        result.report.error(
            "missing_column",
            path.name,
            "expected neighbour columns SN1..SN10 (or SN_1..SN_10)",
        )
        return
    for number, line in enumerate(lines[1:], start=2):
        code = line[0].strip()
        if not code.isdigit():
            continue
        if len(line) < max(ranks) + 1:
            result.report.error(
                "ragged_row",
                path.name,
                f"expected at least {max(ranks) + 1} fields, found {len(line)}: the file is "
                "truncated or damaged; download it again",
                row=number,
            )
            return
        for i, rank in ranks.items():
            neighbour = line[i].strip()
            if neighbour:
                result.neighbours.append(
                    {
                        "old_la_code": code,
                        "rank": rank,
                        "neighbour_old_la_code": neighbour,
                        "release": path.name,
                    }
                )
        summary.rows += 1
