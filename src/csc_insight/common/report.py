"""Validation findings: what is wrong, exactly where, and what was expected.

Every reader and check reports through `Report`. An error refuses the whole load; a
warning is shown but does not stop it. Row numbers are as Excel or a text editor shows
them (header = row 1) so an analyst can go straight to the cell.

A problem with one row's values (a bad date or code, a blank required value, a duplicate,
an end before its start, a child in no other file) is reported with `bad_row`. In a
quarantining report (`Report(quarantine=True)`, what `load` makes unless asked to be
strict) it is a "quarantined" finding: the row (or only the cell) is set aside in the
snapshot's quarantine table and the load goes on. Otherwise it is an error, as
structural problems (unreadable file, missing column, wrong format) always are.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "quarantined", "warning"]

# Past this many findings of one kind in one file, only the count is kept: a 400k-row
# file with one bad column must not produce a 400k-line report.
MAX_PER_KIND = 200


def column_letter(index: int) -> str:
    """Spreadsheet column letter for a 0-based column index (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def row_word(file: str) -> str:
    """What a place in `file` is called: a line of an XML file (an element's line, as a text
    editor numbers them), a row of anything else (as a spreadsheet numbers them)."""
    return "line" if str(file).lower().endswith(".xml") else "row"


def row_in(file: str, row: int | None) -> str:
    """A place in `file` for a table's "Row or line" column: "line 40" in an XML file, "40"
    elsewhere, blank when there is none."""
    if row is None:
        return ""
    return f"line {row}" if row_word(file) == "line" else str(row)


@dataclass(frozen=True)
class Issue:
    severity: Severity
    code: str  # machine-readable kind: missing_column, bad_date, unknown_code, ...
    file: str
    message: str  # what was expected, in words an analyst understands
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    column_letter: str | None = None
    value: str | None = None
    emphasis: bool = False  # shown in bold: a finding the person loading must not miss

    def where(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"{row_word(self.file)} {self.row}")
        if self.column:
            col = f"column {self.column_letter} " if self.column_letter else "column "
            parts.append(f"{col}'{self.column}'")
        return ", ".join(parts)


@dataclass
class Report:
    quarantine: bool = False  # row-level problems quarantine the row instead of refusing
    issues: list[Issue] = field(default_factory=list)
    suppressed: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    _counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def add(
        self,
        severity: Severity,
        code: str,
        file: str | Path,
        message: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        column_letter: str | None = None,
        value: object = None,
        emphasis: bool = False,
    ) -> None:
        file = Path(file).name if isinstance(file, Path) else file
        key = (severity, code, file)
        self._counts[key] += 1
        if self._counts[key] > MAX_PER_KIND:
            self.suppressed[key] += 1
            return
        self.issues.append(
            Issue(
                severity=severity,
                code=code,
                file=file,
                message=message,
                sheet=sheet,
                row=row,
                column=column,
                column_letter=column_letter,
                value=None if value is None else str(value)[:200],
                emphasis=emphasis,
            )
        )

    def more(self, severity: Severity, code: str, file: str, count: int) -> None:
        """Count `count` further findings that were found in bulk but not listed one by one."""
        if count > 0:
            self._counts[(severity, code, file)] += count
            self.suppressed[(severity, code, file)] += count

    @property
    def row_severity(self) -> Severity:
        """What a problem with one row's values is in this report."""
        return "quarantined" if self.quarantine else "error"

    def bad_row(self, code: str, file: str | Path, message: str, **where: object) -> None:
        """A problem with one row's values: quarantined, or an error when strict."""
        self.add(self.row_severity, code, file, message, **where)  # type: ignore[arg-type]

    def absorb(self, other: Report) -> None:
        """Add another report's issues (one made in another process, for other files)."""
        self.issues.extend(other.issues)
        self.suppressed.update(other.suppressed)
        self._counts.update(other._counts)

    def error(self, code: str, file: str | Path, message: str, **where: object) -> None:
        self.add("error", code, file, message, **where)  # type: ignore[arg-type]

    def warning(self, code: str, file: str | Path, message: str, **where: object) -> None:
        self.add("warning", code, file, message, **where)  # type: ignore[arg-type]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def quarantined(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "quarantined"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not any(sev == "error" for sev, _, _ in self._counts)

    def count(self, severity: Severity) -> int:
        return sum(n for (sev, _, _), n in self._counts.items() if sev == severity)

    def to_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "quarantined": self.count("quarantined"),
            "issues": [asdict(i) for i in self.issues],
            "not_listed": [
                {"severity": s, "code": c, "file": f, "count": n}
                for (s, c, f), n in sorted(self.suppressed.items())
            ],
        }

    def write_json(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2), encoding="utf-8")
