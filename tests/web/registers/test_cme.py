"""The missing education register against a hand-made snapshot: CP, CIN and early help are
worked out from the data for the term; the import quarantines bad rows; the page and the
command log the children they show.

The test snapshot holds C1 with a referral on 1 July 2019 (open) and a CP plan from
15 August 2019 (open). Added here: C2 with a referral closed 31 August 2019, C3 with an
open referral that was NFA, C4 with early help referred 1 Oct 2019 (no start date), C5 in
early help from 1 Sep 2019 and in need from 2 Sep 2019.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from django.urls import reverse

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.cli import main
from csc_insight.registers.cme import Term, involvement
from csc_insight.registers.cme_import import import_file
from csc_insight.registers.models import CmeEntry
from csc_insight.store import snapshots

from ..pages import check_page

pytestmark = pytest.mark.django_db
AUTUMN = Term(date(2019, 9, 1), date(2019, 10, 31))


def _services(home: Path) -> None:
    con = duckdb.connect(str(snapshots.current(home).path))
    con.execute("""
        INSERT INTO referrals (referral_id, child_id, referral_date, closure_date, nfa, source)
        VALUES ('R2', 'C2', DATE '2019-06-01', DATE '2019-08-31', false, 'cin_census'),
               ('R3', 'C3', DATE '2019-09-10', NULL, true, 'cin_census'),
               ('R5', 'C5', DATE '2019-09-02', NULL, false, 'cin_census');
        INSERT INTO early_help (eh_id, child_id, referral_date, start_date, source)
        VALUES ('E4', 'C4', DATE '2019-10-01', NULL, 'local'),
               ('E5', 'C5', DATE '2019-08-20', DATE '2019-09-01', 'local');
    """)
    con.close()


def test_involvement_from_the_snapshot(home, snapshot) -> None:
    """C1: CP (plan open; CP before CIN). C2: closed the day before the term: none.
    C3: NFA: none. C4: early help from its referral date. C5: CIN before EH. C6: unknown."""
    _services(home)
    found = involvement(["C1", "C2", "C3", "C4", "C5", "C6"], AUTUMN)
    assert found == {"C1": "CP", "C4": "EH", "C5": "CIN"}
    assert involvement(["C1"], Term(date(2019, 4, 1), date(2019, 6, 30))) == {}


def test_no_snapshot_is_none() -> None:
    assert involvement(["C1"], AUTUMN) is None


def test_import_page_and_command(tmp_path, clients, home, snapshot, capsys) -> None:
    """Rows: C1 at risk (82.5%), C4 missing education, C5 EHE and medical; row 6 has an
    attendance of 120 (quarantined); row 7 ends before it starts (quarantined)."""
    _services(home)
    path = tmp_path / "cme.csv"
    path.write_text(
        "CHILD,CATEGORY,START,END,ATTENDANCE\n"
        "C1,At risk,01/09/2019,,82.5\nc4,CME,15/10/2019,,\n"
        "C5,EHE,01/01/2019,,\nC5,Medical,01/09/2019,,\n"
        "C6,at_risk,01/09/2019,,120\nC7,EHE,01/09/2019,01/08/2019,\n",
        encoding="utf-8",
    )
    result = import_file(path, "u-manager")
    assert (result.created, result.quarantined) == (4, [6, 7])
    assert [(i.row, i.column_letter, i.column) for i in result.report.errors] == [
        (6, "E", "ATTENDANCE"),
        (7, "D", "END"),
    ]
    assert CmeEntry.objects.get(child_id="C1").attendance == 82.5
    response = clients["manager"].get(reverse("registers:cme"), {"term": "2019-09-01:2019-10-31"})
    assert response.status_code == 200
    doc = check_page(response.content)
    lines = [" ".join(li.text_content().split()) for li in doc.xpath("//ul[@id='cme-lines']/li")]
    assert lines == [
        "Total number of children being monitored: 3",
        "Electively Home Educated Children: 1",
        "Children Missing Education or unplaced: 1",
        "Children at Risk of Missing Education: 1 (1 CP, 0 CIN, 0 EH)",
        "Children Missing Education / At risk of Missing Education children: 2 (1 CP, 0 CIN, 1 EH)",
        "Children unable to attend school full time / part time due to medical reasons: 1 "
        "(1 already included above in EHE)",
        "Jointly worked with children's social care or early help: 3",
    ]
    # the table's scrolling region is named for screen readers (a broken attribute once)
    (region,) = doc.xpath("//div[@role='region'][.//table[@id='cme-entries']]")
    assert region.get("aria-label") == "Children missing education in the term"
    assert AccessEvent.objects.get().children_shown == ["C1", "C4", "C5"]
    bad = clients["manager"].get(reverse("registers:cme"), {"term": "autumn"})
    assert bad.status_code == 400
    check_page(bad.content)
    assert (
        main(["registers", "list", "cme", "--term", "2019-09-01:2019-10-31", "--user", "u-manager"])
        == 0
    )
    out = capsys.readouterr().out
    assert "C4\tcme\t2019-10-15\t\t\tEH" in out
    assert out.rstrip().endswith(
        "Total monitored 3: EHE 1, CME/at risk 2 (1 CP, 0 CIN, 1 EH), medical 1 (1 also EHE)"
    )
    assert AccessEvent.objects.filter(route="cli:registers list cme").count() == 1


def test_the_form_adds_and_edits_an_entry(clients, snapshot) -> None:
    form = {
        "child_id": "c1",
        "category": "at_risk",
        "start": "01/09/2019",
        "end": "",
        "attendance": "150",
        "school": "City School",
        "notes": "",
    }
    refused = clients["manager"].post(reverse("registers:cme_new"), form)
    assert refused.status_code == 400
    assert b"Enter attendance as a number from 0 to 100" in refused.content
    check_page(refused.content)
    saved = clients["manager"].post(reverse("registers:cme_new"), {**form, "attendance": "86"})
    assert saved.status_code == 302
    entry = CmeEntry.objects.get()
    assert (entry.child_id, entry.category, entry.attendance) == ("C1", "at_risk", 86.0)
    edit = reverse("registers:cme_edit", args=[entry.pk])
    check_page(clients["manager"].get(edit).content)
    late = clients["manager"].post(edit, {**form, "attendance": "86", "end": "31/08/2019"})
    assert b"Monitored until must be on or after monitored from" in late.content
    assert (
        clients["manager"].post(edit, {**form, "attendance": "91", "end": "31/10/2019"}).status_code
        == 302
    )
    entry.refresh_from_db()
    assert (entry.attendance, entry.end) == (91.0, date(2019, 10, 31))
