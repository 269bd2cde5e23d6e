"""Importing the missing register: bad rows are quarantined with file, row, column and what
was expected, and the good rows are imported; a file without the required columns imports
nothing. CSV and XLSX fixtures are written here by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from csc_insight.registers.missing_import import import_file
from csc_insight.registers.models import MissingEpisode, QuarantinedRow

pytestmark = pytest.mark.django_db

CSV = """CHILD,MISSING_FROM,START,REPORTED_BY,RETURNED,RHI_OFFERED,RHI_ACCEPTED,THEMES
 c1 ,Care,01/10/2019,Foster carer,03/10/2019,04/10/2019,Y,Peer group
C2,home,2019-11-01,Parent,12/11/2019,,maybe,
C3,care,31/02/2019,Keyworker,,,,
C4,away,01/11/2019,,,,,
C5,care,05/11/2019,,04/11/2019,,,
C1,care,01/10/2019,Keyworker,,,,
,,,,,,,
"""


def _csv(tmp_path: Path, text: str = CSV, name: str = "missing.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_rows_are_quarantined_and_the_rest_imported(tmp_path: Path) -> None:
    """Row 2 is good (id trimmed and upper-cased, 'Care' read as care). Row 3: RHI_ACCEPTED
    'maybe' (column G). Row 4: 31 February (column C). Row 5: 'away' (column B). Row 6:
    returned the day before it started (column E). Row 7: the same child and start as
    row 2. Row 8 is blank and skipped. So 1 imported, 5 quarantined."""
    result = import_file(_csv(tmp_path), "u-analyst")
    assert result.read
    assert (result.created, result.updated, result.quarantined) == (1, 0, [3, 4, 5, 6, 7])
    where = [(i.file, i.row, i.column_letter, i.column, i.value) for i in result.report.errors]
    assert where == [
        ("missing.csv", 3, "G", "RHI_ACCEPTED", "maybe"),
        ("missing.csv", 4, "C", "START", "31/02/2019"),
        ("missing.csv", 5, "B", "MISSING_FROM", "away"),
        ("missing.csv", 6, "E", "RETURNED", "04/11/2019"),
        ("missing.csv", 7, "C", "START", "01/10/2019"),
    ]
    messages = [i.message for i in result.report.errors]
    assert messages[0] == "Expected Y or N; the row was quarantined."
    assert messages[1] == "Expected a date as dd/mm/yyyy; the row was quarantined."
    assert messages[3] == (
        "Expected a date on or after START (05/11/2019); the row was quarantined."
    )
    assert "row 2 has the same" in messages[4]
    kept = MissingEpisode.objects.get()
    assert (
        kept.child_id,
        kept.missing_from,
        kept.start,
        kept.returned_on,
        kept.rhi_offered_on,
        kept.rhi_accepted,
        kept.themes,
    ) == ("C1", "care", date(2019, 10, 1), date(2019, 10, 3), date(2019, 10, 4), True, "Peer group")
    quarantined = QuarantinedRow.objects.order_by("row")
    assert [q.row for q in quarantined] == [3, 4, 5, 6, 7]
    assert quarantined[0].values["RHI_ACCEPTED"] == "maybe"
    assert quarantined[0].problems == "RHI_ACCEPTED: expected Y or N (found 'maybe')"


def test_a_second_import_updates_and_keeps_what_the_file_lacks(tmp_path: Path) -> None:
    import_file(_csv(tmp_path), "u")
    again = _csv(
        tmp_path, "CHILD,MISSING_FROM,START,RHI_HELD\nC1,care,01/10/2019,05/10/2019\n", "later.csv"
    )
    result = import_file(again, "u")
    assert (result.created, result.updated, result.quarantined) == (0, 1, [])
    kept = MissingEpisode.objects.get()
    assert kept.rhi_held_on == date(2019, 10, 5)
    assert kept.themes == "Peer group"  # no THEMES column: left as it was


def test_a_file_without_a_required_column_imports_nothing(tmp_path: Path) -> None:
    result = import_file(_csv(tmp_path, "CHILD,START\nC1,01/10/2019\n"), "u")
    assert not result.read
    assert [(i.code, i.column) for i in result.report.errors] == [
        ("missing_column", "MISSING_FROM")
    ]
    assert MissingEpisode.objects.count() == 0


def test_xlsx_with_date_cells(tmp_path: Path) -> None:
    """An .xlsx with real date cells and lower-case headings; one bad row (no START)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["child", "missing_from", "start", "returned", "lead_member_notified"])
    sheet.append(["C7", "home", date(2019, 6, 1), date(2019, 6, 10), date(2019, 6, 8)])
    sheet.append(["C8", "home", None, None, None])
    path = tmp_path / "register.xlsx"
    book.save(path)
    result = import_file(path, "u")
    assert (result.created, result.quarantined) == (1, [3])
    assert [(i.row, i.column_letter, i.code) for i in result.report.errors] == [
        (3, "C", "missing_value")
    ]
    kept = MissingEpisode.objects.get()
    assert (kept.start, kept.returned_on, kept.lead_member_notified_on) == (
        date(2019, 6, 1),
        date(2019, 6, 10),
        date(2019, 6, 8),
    )
