"""Reading any register's file into typed rows, the one way every register imports: each
column described by formats.tabular.Column (heading, kind text|date|flag|code, required,
not_null, codes, describe, or its own `parse`, e.g. `words`, `whole_number`, `date_list`
below), a row with a bad value quarantined with file, row, column and what was expected
(in the Report and in the list returned), the other rows kept.

Each register adds only its columns and its own cross-field checks (`checks`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from csc_insight.common.child_ids import ALLOWED, ChildIdError, canonical_child_id
from csc_insight.common.report import Report, column_letter
from csc_insight.common.values import parse_date, parse_flag
from csc_insight.formats.tabular import Column, match_headings
from csc_insight.registers.rows import cell_text, read_rows

DATE_EXPECTED = "a date as dd/mm/yyyy"
FLAG_EXPECTED = "Y or N"

# A row's cross-field check: given the typed values, (field, code, expected) problems.
Check = Callable[[dict[str, Any]], list[tuple[str, str, str]]]


@dataclass
class Quarantined:
    row: int
    values: dict[str, str]  # raw text by heading
    problems: str


def parse_cell(col: Column, text: str) -> tuple[object, str | None]:
    """(value, None) or (None, what was expected)."""
    if not text:
        if col.not_null:
            return None, "a value"
        return ("" if col.kind == "text" else None), None
    if col.field == "child_id":
        try:
            return canonical_child_id(text), None
        except ChildIdError:
            return None, f"a child ID of {ALLOWED}"
    if col.parse is not None:
        parsed = col.parse(text)
        return (parsed, None) if parsed is not None else (None, col.expected())
    if col.kind == "code" and col.codes is not None:
        word = text.strip().casefold()
        return (word, None) if word in col.codes else (None, col.expected())
    if col.kind == "date":
        parsed = parse_date(text)
        return (parsed, None) if parsed else (None, DATE_EXPECTED)
    if col.kind == "flag":
        flag = parse_flag(text)
        return (flag, None) if flag is not None else (None, FLAG_EXPECTED)
    if col.kind == "number":
        try:
            return float(text.rstrip("%")), None
        except ValueError:
            return None, col.describe or "a number"
    return text, None


def read_register(
    path: Path,
    columns: Sequence[Column],
    key: tuple[str, ...],
    report: Report,
    checks: Check | None = None,
    key_words: str = "",
) -> tuple[list[dict[str, Any]], list[Quarantined]] | None:
    """(good rows, each with its row number under '_row'; quarantined rows); None when the
    file cannot be read or lacks a required column. `key`: the fields one row per which."""
    file = path.name
    rows = read_rows(path, report)
    if rows is None:
        return None
    if not rows:
        required = ", ".join(c.heading for c in columns if c.required)
        report.error("empty_file", file, f"Expected a heading row naming {required}.")
        return None
    found = match_headings(rows[0], columns, report, file=file, sheet=None)
    if found is None:
        return None
    position = {col.field: pos for pos, col in found.items()}
    good: list[dict[str, Any]] = []
    bad: list[Quarantined] = []
    seen: dict[tuple[object, ...], int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        raw = {
            col.heading: cell_text(cells[pos]) if pos < len(cells) else ""
            for pos, col in found.items()
        }
        if not any(raw.values()):
            continue
        values: dict[str, Any] = {"_row": number}
        problems: list[str] = []

        def problem(
            name: str,
            code: str,
            expected: str,
            row: int = number,
            raw: dict[str, str] = raw,
            problems: list[str] = problems,
        ) -> None:
            col = found[position[name]]
            value = raw[col.heading]
            report.error(
                code,
                file,
                f"Expected {expected}; the row was quarantined.",
                row=row,
                column=col.heading,
                column_letter=column_letter(position[name]),
                value=value,
            )
            problems.append(f"{col.heading}: expected {expected} (found {value!r})")

        for col in found.values():
            value, expected = parse_cell(col, raw[col.heading])
            if expected:
                problem(col.field, "bad_value" if raw[col.heading] else "missing_value", expected)
            else:
                values[col.field] = value
        if not problems and checks is not None:
            for name, code, expected in checks(values):
                problem(name, code, expected)
        row_key = tuple(values.get(k) for k in key)
        if not problems and row_key in seen:
            problem(
                key[-1],
                "duplicate",
                f"one row per {key_words or ' and '.join(key)} (row {seen[row_key]} has the same)",
            )
        if problems:
            bad.append(Quarantined(number, raw, "; ".join(problems)))
            continue
        seen[row_key] = number
        good.append(values)
    return good, bad


def _plain(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").casefold().split())


def words(mapping: dict[str, str]) -> Callable[[str], object]:
    """A parser for a column of choices: the value for each word in `mapping` (its keys
    compared in lower case with '_', '-' and runs of spaces read as one space), or None."""
    known = {_plain(k): v for k, v in mapping.items()}
    return lambda text: known.get(_plain(text))


def whole_number(text: str) -> object:
    """A whole number of 0 or more ('12', '12.0'), or None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and number >= 0 else None


def date_list(text: str) -> object:
    """Dates separated by ';', ',' or new lines ('01/10/2019; 12/11/2019'), or None when
    any of them is not a date."""
    parts = [p.strip() for p in text.replace(",", ";").replace("\n", ";").split(";")]
    days = [parse_date(p) for p in parts if p]
    return None if None in days else days
