"""Importing the LADO and private fostering registers: bad rows are quarantined with file,
row, column and what was expected, the good rows imported; a file without a required
column imports nothing. CSV and XLSX fixtures are written here by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from csc_insight.registers.lado_import import import_file as import_lado
from csc_insight.registers.models import (
    AwarenessActivity,
    LadoContact,
    PrivateFostering,
    QuarantinedRow,
)
from csc_insight.registers.private_fostering_import import import_awareness
from csc_insight.registers.private_fostering_import import import_file as import_fostering

pytestmark = pytest.mark.django_db

LADO = """REFERENCE,RECEIVED,SOURCE,SECTOR,ROLE,CATEGORY,THRESHOLD,INITIAL_MEETING,OUTCOME,CONCLUDED
L-1,02/10/2019,Headteacher,Education,Teacher,Physical,Y,09/10/2019,Substantiated,20/11/2019
L-2,03/10/2019,Parent,early-years,Nursery worker,neglect,N,,no further action,03/10/2019
L-3,04/10/2019,Police,circus,Clown,physical,Y,,,
L-4,05/10/2019,Police,police,Officer,physical,Y,01/10/2019,,
L-5,06/10/2019,Police,police,Officer,stealing,Y,,,
L-6,07/10/2019,Police,police,Officer,physical,maybe,,,
L-1,08/10/2019,Police,police,Officer,physical,Y,,,
L-8,09/10/2019,Police,police,Officer,physical,Y,,dismissed,
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_lado_bad_rows_are_quarantined(tmp_path: Path) -> None:
    """Rows 2 and 3 are good ('Education', 'early-years' and 'no further action' read as
    their codes). Row 4: sector 'circus' (D). Row 5: meeting before received (H). Row 6:
    category 'stealing' (F). Row 7: threshold 'maybe' (G). Row 8: L-1 again (A). Row 9:
    outcome 'dismissed' (I)."""
    result = import_lado(_write(tmp_path, "lado.csv", LADO), "u-manager")
    assert (result.created, result.updated, result.quarantined) == (2, 0, [4, 5, 6, 7, 8, 9])
    where = [(i.file, i.row, i.column_letter, i.column) for i in result.report.errors]
    assert where == [
        ("lado.csv", 4, "D", "SECTOR"),
        ("lado.csv", 5, "H", "INITIAL_MEETING"),
        ("lado.csv", 6, "F", "CATEGORY"),
        ("lado.csv", 7, "G", "THRESHOLD"),
        ("lado.csv", 8, "A", "REFERENCE"),
        ("lado.csv", 9, "I", "OUTCOME"),
    ]
    assert result.report.errors[0].message == (
        "Expected education, health, police, social care, faith, sport, early years or "
        "other; the row was quarantined."
    )
    assert result.report.errors[1].message == (
        "Expected a date on or after RECEIVED (05/10/2019); the row was quarantined."
    )
    one = LadoContact.objects.get(reference="L-1")
    assert (one.sector, one.category, one.met_threshold, one.outcome, one.concluded_on) == (
        "education",
        "physical",
        True,
        "substantiated",
        date(2019, 11, 20),
    )
    two = LadoContact.objects.get(reference="L-2")
    assert (two.sector, two.met_threshold, two.outcome) == ("early_years", False, "nfa")
    kept = QuarantinedRow.objects.filter(register="lado").order_by("row")
    assert [q.row for q in kept] == [4, 5, 6, 7, 8, 9]
    assert kept[0].values["SECTOR"] == "circus"
    # a second file updates L-1 and leaves what it lacks alone
    again = _write(
        tmp_path,
        "later.csv",
        "REFERENCE,RECEIVED,SECTOR,CATEGORY,ROLE\nL-1,02/10/2019,education,physical,Deputy head\n",
    )
    assert (import_lado(again).created, import_lado(again).updated) == (0, 1)
    one.refresh_from_db()
    assert (one.role, one.outcome) == ("Deputy head", "substantiated")


def test_lado_without_a_required_column_imports_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, "lado.csv", "REFERENCE,RECEIVED,SECTOR\nL-1,02/10/2019,education\n")
    result = import_lado(path)
    assert not result.read
    assert [(i.code, i.column) for i in result.report.errors] == [("missing_column", "CATEGORY")]
    assert not LadoContact.objects.exists() and not QuarantinedRow.objects.exists()


def test_private_fostering_from_xlsx(tmp_path: Path) -> None:
    """Row 2 good with two visits; row 3 a visit before the notification (F); row 4 a visit
    after the arrangement ended (F); row 5 a bad visit date (F); row 6 an initial visit
    before the notification (D)."""
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "CHILD",
            "NOTIFIED",
            "NOTIFIED_BY",
            "INITIAL_VISIT",
            "ASSESSMENT_COMPLETED",
            "VISITS",
            "ENDED",
        ]
    )
    sheet.append(
        [
            "c1",
            date(2019, 10, 1),
            "School",
            date(2019, 10, 3),
            "01/11/2019",
            "14/11/2019; 30/12/2019",
            None,
        ]
    )
    sheet.append(["C2", "01/10/2019", None, None, None, "30/09/2019", None])
    sheet.append(["C3", "01/10/2019", None, None, None, "14/11/2019", "01/11/2019"])
    sheet.append(["C4", "01/10/2019", None, None, None, "14/11/2019; soon", None])
    sheet.append(["C5", "01/10/2019", None, "30/09/2019", None, None, None])
    path = tmp_path / "pf.xlsx"
    book.save(path)
    result = import_fostering(path, "u-manager")
    assert (result.created, result.quarantined) == (1, [3, 4, 5, 6])
    assert [(i.row, i.column_letter) for i in result.report.errors] == [
        (3, "F"),
        (4, "F"),
        (5, "F"),
        (6, "D"),
    ]
    assert result.report.errors[2].message.startswith(
        "Expected dates as dd/mm/yyyy separated by ';'"
    )
    kept = PrivateFostering.objects.get()
    assert (kept.child_id, kept.notified_on, kept.assessment_completed_on) == (
        "C1",
        date(2019, 10, 1),
        date(2019, 11, 1),
    )
    assert [v.visited_on for v in kept.visits.all()] == [date(2019, 11, 14), date(2019, 12, 30)]
    # the same row again with one more visit adds it, keeping the others
    again = _write(tmp_path, "pf.csv", "CHILD,NOTIFIED,VISITS\nC1,01/10/2019,10/02/2020\n")
    assert import_fostering(again).updated == 1
    assert kept.visits.count() == 3


def test_awareness_activity(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "awareness.csv",
        "DATE,KIND,TITLE,AUDIENCE,ATTENDEES\n"
        "08/07/2019,PF week,Stall at the library,Residents,40\n"
        "15/10/2019,Training session,Safeguarding training,DSLs,\n"
        "16/10/2019,party,Party,,\n"
        "17/10/2019,training,Training,,12.5\n",
    )
    result = import_awareness(path)
    assert (result.created, result.quarantined) == (2, [4, 5])
    assert [(i.row, i.column) for i in result.report.errors] == [(4, "KIND"), (5, "ATTENDEES")]
    assert list(AwarenessActivity.objects.order_by("held_on").values_list("kind", "attendees")) == [
        ("pf_week", 40),
        ("training", None),
    ]
    assert QuarantinedRow.objects.filter(register="pf_awareness").count() == 2


def test_the_synthetic_registers_import_cleanly(tmp_path: Path) -> None:
    """`synth --registers-out` for the City: every row of the three files is imported."""
    from csc_insight.synth import generate
    from csc_insight.synth.write_registers import write_registers

    world = generate("city", 7, date(2018, 4, 1), date(2020, 3, 31))
    paths = {p.name: p for p in write_registers(world, tmp_path)}
    results = [
        import_lado(paths["lado_register.csv"]),
        import_fostering(paths["private_fostering_register.csv"]),
        import_awareness(paths["private_fostering_awareness.csv"]),
    ]
    assert [(r.read, r.quarantined) for r in results] == [(True, [])] * 3
    assert LadoContact.objects.count() == results[0].created > 0
    assert AwarenessActivity.objects.count() == results[2].created > 0
