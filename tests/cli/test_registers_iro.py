"""`csc-insight registers import|list iro`: both files through one command (known by their
headings), bad rows reported and the rest imported; the list prints the escalations with
their alerts, the looked-after children with an alert and the caseloads, masks restricted
records and is one access-log event."""

from __future__ import annotations

import pytest

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.access.restricted.models import RestrictedRecord
from csc_insight.cli import main
from csc_insight.registers.iro_models import IroContact, IroEscalation
from web.registers.iro_data import make_iro_snapshot

pytestmark = pytest.mark.django_db


def test_import_then_list(tmp_path, home, users, capsys, monkeypatch) -> None:
    """As on 31 March 2020. L01's escalation, raised Mon 3 Feb 2020, is open past its 20th
    working day (Mon 2 Mar). M2's first review, due 29 Jan 2020, is overdue, and L17-L20's
    last two reviews (10 Sep 2019, 20 Mar 2020) are more than 6 months apart with no IRO
    contact between (the snapshot in web/registers/iro_data.py). L09 is restricted. Row 4
    of the escalations has a date that is not one."""
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-03-31")
    make_iro_snapshot(home)
    escalations = tmp_path / "iro_escalations.csv"
    escalations.write_text(
        "CHILD,IRO,RAISED,ISSUE\nL01,AB,03/02/2020,health\nL09,AB,04/02/2020,placement\n"
        "L02,AB,30/02/2020,health\n",
        encoding="utf-8",
    )
    contacts = tmp_path / "iro_contacts.csv"
    contacts.write_text("CHILD,IRO,DATE,TYPE\nL01,CD,02/03/2020,visit\n", encoding="utf-8")
    assert main(["registers", "import", "iro", str(escalations)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "2 added, 0 updated, 1 quarantined\n"
    assert captured.err.startswith("iro_escalations.csv, row 4, column C 'RAISED': Expected a")
    assert main(["registers", "import", "iro", str(contacts)]) == 0
    assert capsys.readouterr().out == "1 added, 0 updated, 0 quarantined\n"
    assert (IroEscalation.objects.count(), IroContact.objects.count()) == (2, 1)
    RestrictedRecord.objects.create(
        child_id="L09", category="staff", reason="t", flagged_by=users["administrator"]
    )
    assert main(["registers", "list", "iro", "--user", "u-manager"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "Restricted record"
    assert lines[2] == (
        "L01\tAB\t2020-02-03\thealth\tinformal\t\t\t\t"
        "Escalation unresolved after 20 working days at its stage"
    )
    assert "M2\t\t\t2020-01-29\t\tReview overdue" in lines
    assert (
        "L17\t\t2020-03-20\t2020-09-20\t\tNo IRO contact between reviews more than 6 months apart"
    ) in lines
    # L01's latest record is CD's visit; L09's escalation is AB's; 20 children with none
    caseloads = lines[lines.index("iro\tchildren\tcontacts_12_months\topen_escalations") + 1 :]
    assert caseloads[:3] == ["AB\t1\t0\t2", "CD\t1\t1\t0", "No IRO recorded\t20\t0\t0"]
    assert caseloads[-1].startswith("2019-20: 2 escalations raised, 0 of them closed; 2 open;")
    assert caseloads[-1].endswith("36 of 41 reviews due held in time")
    event = AccessEvent.objects.get()
    assert (event.username, event.route, event.child_ids) == (
        "u-manager",
        "cli:registers list iro",
        " L17 L18 L19 L20 M2 L01 ",
    )
