"""Importing the IRO service register: the escalations and contacts files, known by their
headings; bad rows quarantined with file, row, column and what was expected, the good rows
imported and updated on a second import; a file without a required column imports
nothing. CSV and XLSX written here by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from csc_insight.registers.iro_import import import_file
from csc_insight.registers.iro_models import IroContact, IroEscalation
from csc_insight.registers.models import QuarantinedRow

pytestmark = pytest.mark.django_db

ESCALATIONS = """CHILD,IRO,RAISED,ISSUE,STAGE,STAGE_DATE,RESOLVED,OUTCOME
c1,AB,02/09/2019,Care planning,,,12/09/2019,Resolved
C2,AB,03/09/2019,drift,Stage 2,20/09/2019,,
C3,AB,04/09/2019,hobbies,,,,
C4,AB,05/09/2019,health,stage 1,01/09/2019,,
C5,AB,06/09/2019,health,,,10/09/2019,
C6,AB,07/09/2019,health,,,,partly resolved
C7,A very long name for an IRO,08/09/2019,health,,,,
c1,AB,02/09/2019,care planning,,,,
C9,AB,09/09/2019,health,stage 9,,,
C10,AB,31/09/2019,health,,,,
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_escalations_bad_rows_are_quarantined(tmp_path: Path) -> None:
    """Rows 2 and 3 are good ('Care planning' and 'drift' read as their codes, 'Stage 2' as
    stage_2, 'c1' as C1). Row 4: issue 'hobbies' (D). Row 5: stage date before raised (F).
    Row 6: resolved with no outcome (H). Row 7: an outcome with no date resolved (G). Row 8:
    an IRO's full name, longer than 20 characters (B). Row 9: C1, 2 Sep, care planning again
    (D, the key's last column). Row 10: stage 9 (E). Row 11: 31 September (C)."""
    result = import_file(_write(tmp_path, "iro_escalations.csv", ESCALATIONS), "u-manager")
    assert (result.created, result.updated) == (2, 0)
    assert result.quarantined == [4, 5, 6, 7, 8, 9, 10, 11]
    where = [(i.row, i.column_letter, i.column) for i in result.report.errors]
    assert where == [
        (4, "D", "ISSUE"),
        (5, "F", "STAGE_DATE"),
        (6, "H", "OUTCOME"),
        (7, "G", "RESOLVED"),
        (8, "B", "IRO"),
        (9, "D", "ISSUE"),
        (10, "E", "STAGE"),
        (11, "C", "RAISED"),
    ]
    assert result.report.errors[1].message == (
        "Expected a date on or after RAISED (05/09/2019); the row was quarantined."
    )
    assert result.report.errors[4].message == (
        "Expected the IRO's initials or code, up to 20 characters; the row was quarantined."
    )
    one = IroEscalation.objects.get(child_id="C1")
    assert (one.category, one.stage, one.stage_on, one.resolved_on, one.outcome) == (
        "care_planning",
        "informal",
        None,
        date(2019, 9, 12),
        "resolved",
    )
    two = IroEscalation.objects.get(child_id="C2")
    assert (two.category, two.stage, two.stage_on, two.outcome) == (
        "delay",
        "stage_2",
        date(2019, 9, 20),
        "",
    )
    kept = QuarantinedRow.objects.filter(register="iro").order_by("row")
    assert [q.row for q in kept] == [4, 5, 6, 7, 8, 9, 10, 11]
    assert kept[0].values["ISSUE"] == "hobbies"
    # a second file resolves C2 and leaves what it lacks alone
    later = _write(
        tmp_path,
        "later.csv",
        "CHILD,IRO,RAISED,ISSUE,RESOLVED,OUTCOME\nC2,AB,03/09/2019,delay,30/09/2019,withdrawn\n",
    )
    again = import_file(later)
    assert (again.created, again.updated, again.quarantined) == (0, 1, [])
    two.refresh_from_db()
    assert (two.stage, two.resolved_on, two.outcome) == ("stage_2", date(2019, 9, 30), "withdrawn")


def test_contacts_from_xlsx(tmp_path: Path) -> None:
    """Row 2 good (a date cell); row 3 'video' as virtual; row 4 type 'letter' (D); row 5 no
    IRO (B); row 6 row 2 again (D)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["CHILD", "IRO", "DATE", "TYPE", "NOTES"])
    sheet.append(["C1", "AB", date(2019, 10, 1), "Visit", "At school"])
    sheet.append(["C1", "AB", "02/10/2019", "video", None])
    sheet.append(["C2", "AB", "03/10/2019", "letter", None])
    sheet.append(["C3", None, "03/10/2019", "phone", None])
    sheet.append(["C1", "AB", date(2019, 10, 1), "visit", None])
    path = tmp_path / "iro_contacts.xlsx"
    book.save(path)
    result = import_file(path, "u-manager")
    assert (result.created, result.quarantined) == (2, [4, 5, 6])
    assert [(i.row, i.column_letter) for i in result.report.errors] == [
        (4, "D"),
        (5, "B"),
        (6, "D"),
    ]
    assert result.report.errors[0].message == (
        "Expected visit, phone or video; the row was quarantined."
    )
    assert sorted(IroContact.objects.values_list("contact_on", "kind", "notes")) == [
        (date(2019, 10, 1), "visit", "At school"),
        (date(2019, 10, 2), "virtual", ""),
    ]


def test_a_file_without_a_required_column_imports_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, "iro_escalations.csv", "CHILD,IRO,RAISED\nC1,AB,02/09/2019\n")
    result = import_file(path)
    assert not result.read
    assert [(i.code, i.column) for i in result.report.errors] == [("missing_column", "ISSUE")]
    contacts = _write(tmp_path, "iro_contacts.csv", "CHILD,IRO,TYPE\nC1,AB,visit\n")
    assert [(i.code, i.column) for i in import_file(contacts).report.errors] == [
        ("missing_column", "DATE")
    ]
    assert not IroEscalation.objects.exists() and not IroContact.objects.exists()
    assert not QuarantinedRow.objects.exists()
