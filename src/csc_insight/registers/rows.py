"""Reading a register file's rows: the first sheet of an .xlsx or a .csv, checked first
with the same guards as the returns (common/xlsx_safety.py, formats/tabular.py)."""

from __future__ import annotations

import csv
from pathlib import Path

from csc_insight.common.report import Report
from csc_insight.common.xlsx_safety import check_xlsx
from csc_insight.formats.tabular import check_text_file


def read_rows(path: Path, report: Report) -> list[list[object]] | None:
    """Every row of the file (the heading row first), or None when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        if not check_xlsx(path, report):
            return None
        from python_calamine import CalamineWorkbook

        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        return [list(r) for r in sheet.to_python(skip_empty_area=False)]
    if suffix == ".csv":
        if not check_text_file(path, report):
            return None
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [list(r) for r in csv.reader(fh)]
    report.error(
        "not_register_file",
        path.name,
        "Expected a register as an .xlsx or .csv file.",
        value=path.suffix,
    )
    return None


def cell_text(value: object) -> str:
    """A cell as text: dates as dd/mm/yyyy, whole floats without '.0', None as ''."""
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")  # type: ignore[union-attr]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\u00a0", " ").strip()
